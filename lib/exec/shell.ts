import 'server-only';
import type WebSocket from 'ws';
import type { UserSession } from '@/lib/auth/session';
import { ApiError } from '@/lib/k8s/errors';
import { checkContainer, openExec, type OpenExec } from '@/lib/k8s/exec';
import { auditExec, type ExecAuditContext } from './audit';
import { parseResize, RESIZE, STDIN, type ExecTarget, type ShellEnd, type ShellEvent } from './protocol';
import { registerShell } from './registry';

// One browser terminal bridged to one exec in the cluster, after every check has passed. It tries the commands in
// order (bash, then sh) while the previous one was not found and printed nothing; counts bytes both ways but never
// keeps them; ends on the command's exit, the browser's close, idle time, the session's end or sign-out. Whatever
// happens here stays on this connection: every failure ends this shell only.

export interface ShellParams {
  session: UserSession;
  target: Omit<ExecTarget, 'command'>;
  commands: string[][];
  audit: ExecAuditContext;
  /** Calls to the API server made for this connection so far (the access review). */
  clusterCalls: number;
  idleMs: number;
}

const NOT_FOUND = /not found|no such file|executable file/i;
const MAX_BUFFERED = 4 * 1024 * 1024;
const MESSAGES: Record<ShellEnd, string> = {
  exited: 'The command has exited.',
  'closed-by-user': 'Closed.',
  'idle-timeout': 'Closed after being idle too long.',
  'session-ended': 'Your session has ended: the shell is closed.',
  failed: 'The shell could not be opened.',
  'server-stopping': 'The console is stopping.',
};

export function runShell(ws: WebSocket, p: ShellParams): void {
  const started = Date.now();
  let size = { width: 80, height: 24 };
  let exec: OpenExec | undefined;
  let command: string[] = p.commands[0];
  let opened = false;
  let ended = false;
  let calls = p.clusterCalls;
  let bytesIn = 0;
  let bytesOut = 0;
  let exitCode: number | null | undefined;
  let idle: NodeJS.Timeout | undefined;
  const sessionLeft = Math.min(Math.max(p.session.expiresAt - Date.now(), 0), 2 ** 31 - 1);
  const expiry = setTimeout(() => finish('session-ended'), sessionLeft);
  const unregister = registerShell(p.session.sid, (how) => finish(how));
  const send = (e: ShellEvent) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(e));
  };
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => finish('idle-timeout'), p.idleMs);
  };
  const execAudit = () => ({ container: p.target.container, command, protocol: exec?.protocol, clusterCalls: calls });

  function announce() {
    if (opened) return;
    opened = true;
    send({ type: 'open', shell: command.join(' '), protocol: exec?.protocol ?? '' });
    auditExec(p.audit, 'exec', { status: 101, reason: 'Opened' }, execAudit());
  }

  function finish(how: ShellEnd, message = MESSAGES[how], status = 200) {
    if (ended) return;
    ended = true;
    clearTimeout(idle);
    clearTimeout(expiry);
    unregister();
    exec?.close();
    send({ type: 'end', how, message });
    ws.close(how === 'failed' ? 4000 : 1000);
    const result = { status: how === 'failed' ? status : 200, reason: how === 'failed' ? 'ExecFailed' : 'Ended' };
    if (opened) auditExec(p.audit, 'exec-end', result, { ...execAudit(), durationMs: Date.now() - started, ended: how, exitCode, bytesIn, bytesOut });
    else auditExec(p.audit, 'exec', result, { ...execAudit(), ended: how });
  }

  async function attempt(i: number): Promise<void> {
    command = p.commands[i];
    let printed = false;
    let superseded = false;
    calls++;
    const current = await openExec(p.session.bearer, { ...p.target, command }, size, {
      output: (chunk) => {
        if (ended) return;
        printed = true;
        bytesOut += chunk.length;
        announce();
        touch();
        // A browser that stops reading does not make the server buffer without bound.
        if (ws.bufferedAmount > MAX_BUFFERED) return finish('failed', 'The terminal stopped reading the output: the shell is closed.', 503);
        if (ws.readyState === ws.OPEN) ws.send(chunk);
      },
      status: (code, message) => {
        if (ended) return;
        if (!printed && !opened && i + 1 < p.commands.length && NOT_FOUND.test(message ?? '')) {
          superseded = true;
          attempt(i + 1).catch(fail);
          return;
        }
        exitCode = code;
        if (code !== 0 && !printed && !opened) return finish('failed', noShell(i, message), 409);
        announce();
        finish('exited', code === 0 || code === null ? MESSAGES.exited : `The command has exited with code ${code}.`);
      },
    });
    if (ended || superseded) return current.close();
    exec = current;
    // The API server may close without a status (the container went away): the shell has ended all the same.
    current.onClose(() => {
      if (!superseded && exec === current) finish('exited');
    });
    touch();
  }

  function noShell(i: number, message?: string): string {
    const tried = p.commands.slice(0, i + 1).map((c) => c.join(' ')).join(', then ');
    return `Could not start ${tried} in container "${p.target.container}": ${message ?? 'the command failed'}. The container may have no shell; name a command to run instead.`;
  }

  function fail(e: unknown) {
    finish('failed', e instanceof ApiError ? e.body.message : MESSAGES.failed, e instanceof ApiError ? e.body.status : 502);
  }

  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary || data.length < 1 || ended) return;
    if (data[0] === STDIN && exec) {
      bytesIn += data.length - 1;
      touch();
      exec.write(data.subarray(1));
    } else if (data[0] === RESIZE) {
      const r = parseResize(data.subarray(1));
      if (r) {
        size = r;
        exec?.resize(r.width, r.height);
      }
    }
  });
  ws.on('close', () => finish('closed-by-user'));
  ws.on('error', () => finish('failed'));
  touch();
  calls++;
  checkContainer(p.session.bearer, p.target.namespace, p.target.pod, p.target.container)
    .then(() => (ended ? undefined : attempt(0)))
    .catch(fail);
}
