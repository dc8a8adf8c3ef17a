import type { AuditRecord } from './types';

// The Activity page's source: the last actions of each session, in this replica's memory. Honest limits: a
// replica only knows the requests it served (the Service pins a client to one replica with ClientIP affinity),
// a restart forgets everything, and only the newest PER_SESSION actions of the newest MAX_SESSIONS sessions are
// kept. The audit trail itself is the JSON lines on stdout.

const PER_SESSION = 200;
const MAX_SESSIONS = 1_000;
const RING = Symbol.for('wheelhouse.audit-ring');

function ring(): Map<string, AuditRecord[]> {
  const g = globalThis as unknown as Record<symbol, Map<string, AuditRecord[]> | undefined>;
  return (g[RING] ??= new Map());
}

export function remember(sessionId: string, record: AuditRecord): void {
  const r = ring();
  const list = r.get(sessionId) ?? [];
  list.push(record);
  if (list.length > PER_SESSION) list.splice(0, list.length - PER_SESSION);
  r.delete(sessionId);
  r.set(sessionId, list);
  if (r.size > MAX_SESSIONS) r.delete(r.keys().next().value as string);
}

/** This session's actions on this replica, newest first. */
export function recentActions(sessionId: string): AuditRecord[] {
  return [...(ring().get(sessionId) ?? [])].reverse();
}

export function forgetSession(sessionId: string): void {
  ring().delete(sessionId);
}

export const ACTIVITY_LIMITS = { perSession: PER_SESSION, sessions: MAX_SESSIONS };
