import 'server-only';

// The live streams each session holds open, so signing out ends them at once (the browser would drop them when it
// leaves the page, but the server does not rely on that). Keyed by the session id, never by the token. On globalThis:
// Next's production build bundles each route separately, and sign-out (app/api/auth) must reach the streams that
// app/api/live opened.

const KEY = Symbol.for('wheelhouse.session-streams');
const bySession: Map<string, Set<() => void>> = ((globalThis as unknown as Record<symbol, Map<string, Set<() => void>> | undefined>)[KEY] ??= new Map());

/** Registers a stream's `end`; returns the function that forgets it (call it when the stream ends by itself). */
export function trackStream(sid: string, end: () => void): () => void {
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
  const set = bySession.get(sid);
  if (!set) return 0;
  bySession.delete(sid);
  for (const end of [...set]) end();
  return set.size;
}
