import 'server-only';
import { trackStream } from '@/lib/k8s/watch/session-streams';
import type { ShellEnd } from './protocol';

// The open shells of this process, for the caps (per session, per server) and for closing a session's shells at
// sign-out (through lib/k8s/watch/session-streams, which sign-out already drives). Process-wide on globalThis: the
// exec handler is loaded by instrumentation.ts, the sign-out by a route, and Next bundles them separately.

interface Shell { sid: string; end: (how: ShellEnd) => void }

const KEY = Symbol.for('wheelhouse.exec-shells');

function shells(): Map<number, Shell> {
  const g = globalThis as unknown as Record<symbol, Map<number, Shell> | undefined>;
  return (g[KEY] ??= new Map());
}

let nextId = 1;

/** Why another shell may not open now, or undefined. */
export function capRefusal(sid: string, limits: { perSession: number; perServer: number }): string | undefined {
  const all = [...shells().values()];
  if (all.length >= limits.perServer) return `This console already has ${all.length} open shells, its limit. Try again later.`;
  const mine = all.filter((s) => s.sid === sid).length;
  if (mine >= limits.perSession) return `You already have ${mine} open shells, the limit per session. Close one first.`;
  return undefined;
}

/** Registers an open shell; returns the function that forgets it (call it once the shell has ended). */
export function registerShell(sid: string, end: (how: ShellEnd) => void): () => void {
  const id = nextId++;
  shells().set(id, { sid, end });
  const untrack = trackStream(sid, () => end('session-ended'));
  return () => {
    shells().delete(id);
    untrack();
  };
}

export function openShellCount(): number {
  return shells().size;
}
