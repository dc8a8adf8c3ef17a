import { checkName, checkNamespace } from '@/lib/k8s/validate';
import type { ExecTarget } from './protocol';

// What an exec upgrade asks for, read from its query and validated before anything else happens: names that will
// be part of an API server URL, and a command of bounded size. Pure, unit-tested (request.test.ts).

/** Tried in order when the user names no command: a container may have bash, or only sh. */
export const DEFAULT_SHELLS = [['bash'], ['sh']] as const;

const CONTAINER = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_COMMAND = 1024;
const MAX_ARGS = 32;

export type Parsed = { ok: true; target: Omit<ExecTarget, 'command'>; commands: string[][]; csrf: string | null } | { ok: false; message: string };

export function parseExecQuery(query: URLSearchParams): Parsed {
  const namespace = query.get('namespace') ?? '';
  const pod = query.get('pod') ?? '';
  const container = query.get('container') ?? '';
  const ns = checkNamespace(namespace);
  if (!ns.ok) return { ok: false, message: ns.error };
  const name = checkName(pod);
  if (!name.ok) return { ok: false, message: name.error };
  if (!container || container.length > 63 || !CONTAINER.test(container)) return { ok: false, message: 'container must be a container name of the pod (a DNS-1123 label)' };
  const command = (query.get('command') ?? '').trim();
  if (command.length > MAX_COMMAND) return { ok: false, message: `the command must be at most ${MAX_COMMAND} characters` };
  // No shell parsing: words split on whitespace, as `kubectl exec -- a b c` receives them.
  const words = command ? command.split(/\s+/) : [];
  if (words.length > MAX_ARGS) return { ok: false, message: `the command must have at most ${MAX_ARGS} words` };
  return {
    ok: true,
    target: { namespace, pod, container },
    commands: words.length ? [words] : DEFAULT_SHELLS.map((c) => [...c]),
    csrf: query.get('csrf'),
  };
}

function positive(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Limits from the environment, read when a shell opens (so tests and operators can set them per process). */
export function execLimits() {
  return {
    /** WHEELHOUSE_EXEC_IDLE_SECONDS (900): no input and no output for this long closes the shell. */
    idleMs: positive('WHEELHOUSE_EXEC_IDLE_SECONDS', 900) * 1000,
    /** WHEELHOUSE_EXEC_MAX_PER_SESSION (4) and WHEELHOUSE_EXEC_MAX_PER_SERVER (50): open shells. */
    perSession: Math.floor(positive('WHEELHOUSE_EXEC_MAX_PER_SESSION', 4)),
    perServer: Math.floor(positive('WHEELHOUSE_EXEC_MAX_PER_SERVER', 50)),
  };
}
