import 'server-only';

// The live streams each session holds open (live lists, followed logs), so signing out ends them at once (the
// browser would drop them when it leaves the page, but the server does not rely on that). Keyed by the session id,
// never by the token. Process-wide on globalThis: Next.js bundles each route separately, and a module-level Map
// would exist once per bundle — sign-out (app/api/auth) would then not see the streams of the watch or log routes.

const KEY = Symbol.for('wheelhouse.session-streams');

function registry(): Map<string, Set<() => void>> {
  const g = globalThis as unknown as Record<symbol, Map<string, Set<() => void>> | undefined>;
  return (g[KEY] ??= new Map());
}

/** Registers a stream's `end`; returns the function that forgets it (call it when the stream ends by itself). */
export function trackStream(sid: string, end: () => void): () => void {
  const bySession = registry();
  let set = bySession.get(sid);
  if (!set) bySession.set(sid, (set = new Set()));
  set.add(end);
  return () => {
    set.delete(end);
    if (!set.size && bySession.get(sid) === set) bySession.delete(sid);
  };
}

/** Ends every live stream of a session (sign-out). Returns how many there were. */
export function endSessionStreams(sid: string): number {
  const bySession = registry();
  const set = bySession.get(sid);
  if (!set) return 0;
  bySession.delete(sid);
  for (const end of [...set]) end();
  return set.size;
}

/** How many streams are open, per session count and in all (the bench and the sign-out test read this). */
export function sessionStreamStats(): { sessions: number; streams: number } {
  let streams = 0;
  for (const set of registry().values()) streams += set.size;
  return { sessions: registry().size, streams };
}
