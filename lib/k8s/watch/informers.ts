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

const keyOf = (kind: KindRef, s: Scope) => JSON.stringify([kind, s.namespace ?? '', s.labelSelector ?? '', s.fieldSelector ?? '']);

/** Joins (or starts) the scope's informer; resolves with the function that leaves it. Throws ApiError if denied. */
export async function joinInformer(req: JoinRequest, deps: InformerDeps): Promise<() => void> {
  const { kind, scope, username, subscriber } = req;
  const denied = await deps.denial(subscriber.token, username, kind, scope);
  if (denied) throw new ApiError(denied);
  const key = keyOf(kind, scope);
  let informer = informers.get(key);
  if (!informer) {
    const created = new Informer(kind, (token) => deps.upstream(token, kind, scope));
    created.onClosed = () => {
      if (informers.get(key) === created) informers.delete(key);
    };
    informers.set(key, (informer = created));
  }
  informer.join(subscriber);
  const joined = informer;
  const recheck = setInterval(() => {
    deps.denial(subscriber.token, username, kind, scope).then(
      (d) => d && subscriber.fail(d),
      (e: unknown) => e instanceof ApiError && e.body.status === 401 && subscriber.fail(e.body),
    );
  }, deps.recheckMs ?? 60_000);
  return () => {
    clearInterval(recheck);
    joined.leave(subscriber.id);
  };
}

/** For tests and the bench: how many shared informers run, and how many connections they serve. */
export function informerStats(): { informers: number; subscribers: number } {
  let subscribers = 0;
  for (const i of informers.values()) subscribers += i.size;
  return { informers: informers.size, subscribers };
}
