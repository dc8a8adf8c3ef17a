import { ApiError, type ApiErrorBody } from '@/lib/k8s/errors';
import type { KindRef } from '@/lib/k8s/resources';
import type { Scope } from './events';
import { Informer, type Subscriber } from './informer';
import type { Upstream } from './list-watch';

// The shared informers, one per exact scope (kind, namespace, label selector, field selector). A user joins one
// only after the API server said, for that user's own token, that they may list and watch that scope; the check
// is repeated every RECHECK_MS while they stay, and a denial ends their stream.

export interface JoinRequest {
  kind: KindRef;
  scope: Scope;
  username: string;
  subscriber: Subscriber;
}

export interface InformerDeps {
  /** undefined = allowed; throws ApiError when the check itself fails (e.g. 401). */
  denial(token: string, username: string, kind: KindRef, scope: Scope): Promise<ApiErrorBody | undefined>;
  upstream(token: string, kind: KindRef, scope: Scope): Upstream;
  recheckMs?: number;
}

const informers = new Map<string, Informer>();

// Each distinct scope (a label selector is part of it) holds its own copy of the rows: without a bound, a user
// could start one informer per made-up selector. A new scope is refused (429) past these; joining a running one is not.
const MAX_INFORMERS = Number(process.env.WHEELHOUSE_MAX_INFORMERS ?? 200);
const MAX_INFORMERS_PER_USER = Number(process.env.WHEELHOUSE_MAX_INFORMERS_PER_USER ?? 20);
/** username → the scopes (keys) they are joined to, with how many of their connections are in each. */
const joinedBy = new Map<string, Map<string, number>>();

function admit(username: string, key: string): void {
  const mine = joinedBy.get(username);
  if (mine?.has(key)) return;
  if ((mine?.size ?? 0) >= MAX_INFORMERS_PER_USER) {
    throw new ApiError({ status: 429, reason: 'TooManyRequests', message: `You have live lists of ${MAX_INFORMERS_PER_USER} different scopes open (kinds, namespaces, selectors); close some first.` });
  }
  if (!informers.has(key) && informers.size >= MAX_INFORMERS) {
    throw new ApiError({ status: 429, reason: 'TooManyRequests', message: `The console already keeps ${MAX_INFORMERS} different live lists; try again later.` });
  }
}

function count(username: string, key: string, delta: 1 | -1): void {
  const mine = joinedBy.get(username) ?? new Map<string, number>();
  const n = (mine.get(key) ?? 0) + delta;
  if (n > 0) mine.set(key, n);
  else mine.delete(key);
  if (mine.size) joinedBy.set(username, mine);
  else joinedBy.delete(username);
}

const keyOf = (kind: KindRef, s: Scope) => JSON.stringify([kind, s.namespace ?? '', s.labelSelector ?? '', s.fieldSelector ?? '']);

/** Joins (or starts) the scope's informer; resolves with the function that leaves it. Throws ApiError if denied. */
export async function joinInformer(req: JoinRequest, deps: InformerDeps): Promise<() => void> {
  const { kind, scope, username, subscriber } = req;
  const denied = await deps.denial(subscriber.token, username, kind, scope);
  if (denied) throw new ApiError(denied);
  const key = keyOf(kind, scope);
  admit(username, key);
  let informer = informers.get(key);
  if (!informer) {
    const created = new Informer(kind, (token) => deps.upstream(token, kind, scope));
    created.onClosed = () => {
      if (informers.get(key) === created) informers.delete(key);
    };
    informers.set(key, (informer = created));
  }
  informer.join(subscriber);
  count(username, key, 1);
  const joined = informer;
  const recheck = setInterval(() => {
    deps.denial(subscriber.token, username, kind, scope).then(
      (d) => d && subscriber.fail(d),
      (e: unknown) => e instanceof ApiError && e.body.status === 401 && subscriber.fail(e.body),
    );
  }, deps.recheckMs ?? 60_000);
  let left = false;
  return () => {
    clearInterval(recheck);
    joined.leave(subscriber.id);
    if (!left) count(username, key, -1);
    left = true;
  };
}

/** For tests and the bench: how many shared informers run, and how many connections they serve. */
export function informerStats(): { informers: number; subscribers: number } {
  let subscribers = 0;
  for (const i of informers.values()) subscribers += i.size;
  return { informers: informers.size, subscribers };
}
