import 'server-only';
import { createHash } from 'node:crypto';
import { userKey } from './user-key';

// The next page of a walk through the list route, asked for (with the same user's token) while the current page is
// on its way to the client, so the API server encodes page k+1 while the console encodes page k and the client
// decodes it. Only a client that is walking (it sent a continue token) gets one, and only the holder of the same
// token asking for exactly that continue token, kind, scope and limit takes it: the key is a hash of all of them.
// A page is the API server's answer at the snapshot the continue token names, whenever it is fetched, so taking it
// a moment later changes nothing but when the API server checked the token — at most TTL_MS earlier.
// Bounded: one page per user (a new walk's page replaces the old), MAX pages in all, each dropped after TTL_MS.

const TTL_MS = 15_000;
const MAX = 4;

interface Entry { user: string; value: Promise<unknown>; cancel: () => void; timer: NodeJS.Timeout }
const entries = new Map<string, Entry>();

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('base64url');

function drop(key: string): void {
  const e = entries.get(key);
  if (!e) return;
  entries.delete(key);
  clearTimeout(e.timer);
  e.cancel();
}

/** The page a previous request asked for ahead, if this is exactly the request it was asked for (then it is gone). */
export function takePrefetched<T>(token: string, request: unknown): Promise<T> | undefined {
  const key = hash(token, JSON.stringify(request));
  const e = entries.get(key);
  if (!e) return undefined;
  entries.delete(key);
  clearTimeout(e.timer);
  return e.value as Promise<T>;
}

/** Starts fetching `request` for this user now; `fetch` gets a signal that is aborted if nobody takes the page. */
export function prefetch<T>(token: string, request: unknown, fetch: (signal: AbortSignal) => Promise<T>): void {
  const user = userKey(token);
  for (const [k, e] of entries) if (e.user === user) drop(k);
  if (entries.size >= MAX) drop(entries.keys().next().value!);
  const key = hash(token, JSON.stringify(request));
  const abort = new AbortController();
  let settled = false;
  const value = fetch(abort.signal).finally(() => (settled = true));
  // Its error, if any, is the next request's to report; until then it must not count as unhandled.
  value.catch(() => {});
  const timer = setTimeout(() => drop(key), TTL_MS);
  timer.unref();
  // Only a request still in flight is cut off (a finished one's socket may already serve another request).
  entries.set(key, { user, value, cancel: () => settled || abort.abort(), timer });
}
