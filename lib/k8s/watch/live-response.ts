import 'server-only';
import { randomUUID } from 'node:crypto';
import { ApiError, badRequest, fromTransport, type ApiErrorBody } from '@/lib/k8s/errors';
import { resourceFor, type KindRef } from '@/lib/k8s/resources';
import { watchDenial } from './access-review';
import type { Scope } from './events';
import { joinInformer } from './informers';
import { listWatch } from './list-watch';
import { trackStream } from './session-streams';
import { SseSink, type FrameWriter } from './sse-sink';
import { userUpstream } from './upstream';

// One browser connection of one live list. By default it joins the scope's shared informer (informers.ts) once a
// SelfSubjectAccessReview with this user's token allows list and watch; with `?mode=private` (or
// WHEELHOUSE_SHARED_WATCH=0 for every connection) it runs its own list-watch with this user's token instead. Either way the stream ends when the browser goes away, the
// session expires or signs out, or on an error; the browser reconnects (with backoff) unless told not to.

export interface LiveListRequest {
  token: string;
  username: string;
  kind: KindRef;
  scope: Scope;
  /** Resume a private watch from here (a shared watch replays its rows from memory instead). */
  resumeFrom?: string;
  /** This connection's own list-watch, not the shared one (`?mode=private`). */
  private?: boolean;
  /** Session expiry (epoch ms): the stream closes then. */
  expiresAt: number;
  /** The session's id: signing out ends its streams (endSessionStreams). */
  sid: string;
  signal: AbortSignal;
}

const KEEPALIVE_MS = 15_000;
// Statuses that reconnecting will not fix: bad input, no session, no permission, no such kind.
const FINAL = new Set([400, 401, 403, 404, 405, 422]);
const SESSION_EXPIRED: ApiErrorBody = { status: 401, reason: 'SessionExpired', message: 'Your session has expired. Sign in again.' };
const SIGNED_OUT: ApiErrorBody = { status: 401, reason: 'Unauthorized', message: 'You signed out.' };
const TOO_SLOW: ApiErrorBody = { status: 503, reason: 'ServiceUnavailable', message: 'The browser fell too far behind the live list; reconnecting.' };
const HIGH_WATER_BYTES = 1 << 20;
// A client that has not taken this much is dropped (it reconnects) rather than buffered without end.
const MAX_QUEUED_BYTES = 32 << 20;

export const sharedWatches = () => process.env.WHEELHOUSE_SHARED_WATCH !== '0';

/** The resourceVersion a reconnecting browser resumes from (`?resourceVersion=` or the SSE Last-Event-ID). */
export function resumeParam(value: string | null): string | undefined {
  if (!value) return undefined;
  if (!/^[0-9A-Za-z._-]{1,64}$/.test(value)) throw new ApiError(badRequest('invalid resourceVersion'));
  return value;
}

function failure(e: unknown): ApiErrorBody {
  // Log the kind of failure only: messages of unknown errors may carry request details.
  if (!(e instanceof ApiError)) console.error(`[wheelhouse] live list failed: ${e instanceof Error ? e.name : typeof e}`);
  return fromTransport(e);
}

export function liveListResponse(req: LiveListRequest): Response {
  const abort = new AbortController();
  const utf8 = new TextEncoder();
  let waiting: (() => void)[] = [];
  const wake = () => {
    const w = waiting;
    waiting = [];
    w.forEach((f) => f());
  };
  let ctl!: ReadableStreamDefaultController<Uint8Array>;
  const writeBytes = (bytes: Uint8Array) => {
    if (abort.signal.aborted) return;
    ctl.enqueue(bytes);
    if ((ctl.desiredSize ?? 0) < -MAX_QUEUED_BYTES) queueMicrotask(() => finish(TOO_SLOW));
  };
  const out: FrameWriter = {
    write: (text) => writeBytes(utf8.encode(text)),
    ready: () => ((ctl.desiredSize ?? 1) > 0 || abort.signal.aborted ? Promise.resolve() : new Promise<void>((r) => waiting.push(r))),
  };
  const sink = new SseSink(out);
  const timers: ReturnType<typeof setTimeout>[] = [];
  let leave: (() => void) | undefined;
  const untrack = trackStream(req.sid, () => finish(SIGNED_OUT));
  const finish = (error?: ApiErrorBody) => {
    if (abort.signal.aborted) return;
    untrack();
    leave?.();
    sink.close();
    if (error) sink.error(error, !FINAL.has(error.status));
    abort.abort();
    timers.forEach(clearTimeout);
    wake();
    try {
      ctl.close();
    } catch {
      // already closed by the client
    }
  };
  req.signal.addEventListener('abort', () => finish(), { once: true });

  const scope = resourceFor(req.kind).namespaced ? req.scope : { ...req.scope, namespace: undefined };
  const run = () => {
    if (req.private || !sharedWatches()) {
      const upstream = userUpstream(req.token, req.kind, scope);
      listWatch({ kind: req.kind, upstream, sink, signal: abort.signal, resumeFrom: req.resumeFrom }).then(() => finish(), (e) => finish(failure(e)));
      return;
    }
    const subscriber = { id: randomUUID(), token: req.token, write: writeBytes, fail: (e: ApiErrorBody) => finish(e) };
    joinInformer({ kind: req.kind, scope, username: req.username, subscriber }, { denial: watchDenial, upstream: userUpstream }).then(
      (l) => (abort.signal.aborted ? l() : (leave = l)),
      (e) => finish(failure(e)),
    );
  };

  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        ctl = c;
        // An opening comment: the response (headers included) starts at once, before the first rows are ready.
        c.enqueue(utf8.encode(': open\n\n'));
        timers.push(setInterval(() => out.write(': ka\n\n'), KEEPALIVE_MS));
        timers.push(setTimeout(() => finish(SESSION_EXPIRED), Math.max(0, Math.min(req.expiresAt - Date.now(), 2 ** 31 - 1))));
        run();
      },
      pull() {
        wake();
      },
      cancel() {
        finish();
      },
    },
    { highWaterMark: HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
  );
  return new Response(body, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' },
  });
}
