import 'server-only';
import type { ActionTarget } from '@/lib/k8s/actions/target';
import { trackStream } from '@/lib/k8s/watch/session-streams';
import { deploymentLogStream } from './deployment';
import type { LogOptions } from './options';
import { podLogStream } from './pod';

export { parseLogOptions, type LogOptions } from './options';

/** Whose logs: a followed log ends when this session signs out (session-streams.ts) or expires. */
export interface LogSession { bearer: string; sid: string; expiresAt: number }

/** Calls `done` once, when the stream ends or its reader goes away; keeps backpressure (pull-based). */
function onFinish(body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const r = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (r.done) {
        done();
        controller.close();
      } else controller.enqueue(r.value);
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
}

/** The log text of a pod (one container) or of a whole deployment (every pod, prefixed). */
export async function openLogs(session: LogSession, t: ActionTarget, opts: LogOptions, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const namespace = t.namespace ?? '';
  const abort = new AbortController();
  const cut = () => abort.abort();
  signal.addEventListener('abort', cut, { once: true });
  // Only a followed log outlives a moment; it is tied to the session like a live list.
  const untrack = opts.follow ? trackStream(session.sid, cut) : () => undefined;
  const expiry = opts.follow ? setTimeout(cut, Math.min(2 ** 31 - 1, Math.max(0, session.expiresAt - Date.now()))) : undefined;
  const finish = () => {
    untrack();
    clearTimeout(expiry);
    signal.removeEventListener('abort', cut);
  };
  try {
    const body = t.kindName !== 'pods'
      ? await deploymentLogStream(session.bearer, namespace, t.name, opts, abort.signal, t.kindName)
      : await podLogStream(session.bearer, namespace, t.name, opts, abort.signal);
    return onFinish(body, finish);
  } catch (e) {
    finish();
    throw e;
  }
}

export function logResponse(body: ReadableStream<Uint8Array>, filename?: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // Tells proxies (nginx) not to buffer a followed log.
      'X-Accel-Buffering': 'no',
      ...(filename ? { 'Content-Disposition': `attachment; filename="${filename}"` } : {}),
    },
  });
}
