import 'server-only';
import { fieldSelectorParam, kindParam, kindRefParam, labelSelectorParam, namespaceParam, nameParam, objectNamespaceParam } from '@/lib/api/params';
import type { UserSession } from '@/lib/auth/session';
import { actionTarget } from '@/lib/k8s/actions/target';
import { ApiError, badRequest, fromTransport, type ApiErrorBody } from '@/lib/k8s/errors';
import { openLogs, parseLogOptions } from '@/lib/k8s/logs';
import { resourceFor } from '@/lib/k8s/resources';
import { watchDenial } from './access-review';
import { joinInformer } from './informers';
import { listWatch } from './list-watch';
import type { LiveConnection } from './mux-connection';
import type { ListSpec, LogSpec } from './mux-wire';
import { SseSink } from './sse-sink';
import { userUpstream } from './upstream';

// One subscription on a live connection: a live list (the scope's shared informer, joined after this user's own
// access review and rechecked every minute; or, with `private` / WHEELHOUSE_SHARED_WATCH=0, a list-watch with
// this user's token) or a followed log. Input is checked here, per subscription: a bad one fails alone.

// Statuses that reconnecting will not fix: bad input, no session, no permission, no such kind, over a cap.
const FINAL = new Set([400, 401, 403, 404, 405, 422, 429]);
const utf8 = new TextEncoder();

export const sharedWatches = () => process.env.WHEELHOUSE_SHARED_WATCH !== '0';

/** The resourceVersion a list resumes from after a reconnect. */
export function resumeParam(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^[0-9A-Za-z._-]{1,64}$/.test(value)) throw new ApiError(badRequest('invalid resourceVersion'));
  return value;
}

function failure(e: unknown): ApiErrorBody {
  // Log the kind of failure only: messages of unknown errors may carry request details.
  if (!(e instanceof ApiError)) console.error(`[wheelhouse] live subscription failed: ${e instanceof Error ? e.name : typeof e}`);
  return fromTransport(e);
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A list subscription; refusals (bad scope, no permission, over a cap) arrive as its stream's `error` event. */
export function startList(conn: LiveConnection, sub: string, spec: ListSpec, session: UserSession, refusal?: ApiErrorBody): void {
  const abort = new AbortController();
  const sink = new SseSink({ write: (t) => conn.write(sub, utf8.encode(t)), ready: () => conn.ready() });
  let leave: (() => void) | undefined;
  const stop = () => {
    abort.abort();
    leave?.();
    sink.close();
  };
  const finish = (error?: ApiErrorBody) => {
    if (abort.signal.aborted) return;
    sink.close();
    if (error) sink.error(error, !FINAL.has(error.status));
    conn.forget(sub, stop);
    stop();
  };
  conn.add(sub, stop);
  // Kinds beyond the registry are resolved through the user's own discovery (async), so the start is too.
  void (async () => {
    if (refusal) throw new ApiError(refusal);
    const kind = await kindRefParam(session.bearer, String(spec.kind));
    const namespaced = resourceFor(kind).namespaced;
    const scope = {
      namespace: namespaced ? namespaceParam(text(spec.namespace)) : undefined,
      labelSelector: labelSelectorParam(text(spec.labelSelector)),
      fieldSelector: fieldSelectorParam(text(spec.fieldSelector)),
    };
    const resumeFrom = resumeParam(text(spec.resourceVersion));
    if (spec.private === true || !sharedWatches()) {
      listWatch({ kind, upstream: userUpstream(session.bearer, kind, scope), sink, signal: abort.signal, resumeFrom }).then(() => finish(), (e) => finish(failure(e)));
      return;
    }
    const subscriber = { id: `${conn.id}/${sub}`, token: session.bearer, write: (b: Uint8Array) => conn.write(sub, b), fail: (e: ApiErrorBody) => finish(e) };
    joinInformer({ kind, scope, username: session.username, subscriber }, { denial: watchDenial, upstream: userUpstream }).then(
      (l) => (abort.signal.aborted ? l() : (leave = l)),
      (e) => finish(failure(e)),
    );
  })().catch((e) => finish(failure(e)));
}

/** A followed log (`kubectl logs -f`): the text as it comes, at the pace the browser takes it. */
export function startLogs(conn: LiveConnection, sub: string, spec: LogSpec, session: UserSession, refusal?: ApiErrorBody): void {
  const abort = new AbortController();
  const stop = () => abort.abort();
  conn.add(sub, stop);
  const end = (error?: ApiErrorBody) => {
    if (abort.signal.aborted) return;
    conn.control({ t: 'end', sub, ...(error ? { error } : {}) });
    conn.forget(sub, stop);
    stop();
  };
  void (async () => {
    if (refusal) throw new ApiError(refusal);
    const kind = kindParam(String(spec.kind));
    const t = actionTarget('logs', kind, objectNamespaceParam(kind, String(spec.namespace)), nameParam(String(spec.name)));
    const q = new URLSearchParams({ follow: '1', previous: spec.previous ? '1' : '0', timestamps: spec.timestamps ? '1' : '0' });
    if (spec.container) q.set('container', String(spec.container));
    if (spec.tailLines !== undefined) q.set('tailLines', String(spec.tailLines));
    const body = await openLogs(session, t, parseLogOptions(q), abort.signal);
    const reader = body.getReader();
    abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true });
    for (;;) {
      await conn.ready();
      const { value, done } = await reader.read();
      if (done || abort.signal.aborted) break;
      conn.write(sub, value);
    }
  })().then(() => end(), (e) => end(failure(e)));
}
