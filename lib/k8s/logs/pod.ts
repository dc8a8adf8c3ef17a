import 'server-only';
import type { IncomingMessage } from 'node:http';
import { kubeStream } from '@/lib/k8s/client';
import { apiPath, RESOURCES } from '@/lib/k8s/resources';
import { MAX_FOLLOW_BYTES, MAX_LINES, podLogQuery, type LogOptions } from './options';

// One container's log, straight from pods/log. The upstream request is torn down as soon as the browser goes away.

export function openPodLog(token: string, namespace: string, pod: string, opts: LogOptions, container: string | undefined, signal: AbortSignal, timestamps?: boolean, limitBytes?: number): Promise<IncomingMessage> {
  return kubeStream(token, {
    path: apiPath(RESOURCES.pods, { namespace, name: pod, subresource: 'log' }),
    query: podLogQuery(opts, container, timestamps, limitBytes),
    accept: 'text/plain, */*',
    signal,
  });
}

const HIGH_WATER_BYTES = 256 * 1024;

/**
 * A Node response as a web stream for a Response body, with backpressure: the upstream is paused while the browser
 * has HIGH_WATER_BYTES unread, so a slow reader of a fast followed log holds a bounded buffer (TCP pushes back to
 * the API server). Ends after MAX_LINES lines or MAX_FOLLOW_BYTES bytes with a note; cancelling destroys the upstream.
 */
export function toWebStream(res: IncomingMessage): ReadableStream<Uint8Array> {
  let closed = false;
  let lines = 0;
  let bytes = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const close = (note?: string) => {
        if (closed) return;
        closed = true;
        if (note) controller.enqueue(new TextEncoder().encode(note));
        controller.close();
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        if (closed) return;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        bytes += chunk.length;
        controller.enqueue(new Uint8Array(chunk));
        if (lines >= MAX_LINES || bytes >= MAX_FOLLOW_BYTES) close(`\n[wheelhouse] stopped after ${lines} lines (${bytes} bytes): the most one request returns\n`);
        else if ((controller.desiredSize ?? 1) <= 0) res.pause();
      });
      res.on('end', () => close());
      // A broken or torn-down upstream ends the text where it broke; the browser sees a finished log, not a stack trace.
      res.on('error', () => close());
      res.on('close', () => close());
    },
    pull() {
      if (res.isPaused()) res.resume();
    },
    cancel() {
      closed = true;
      res.destroy();
    },
  }, new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }));
}

export async function podLogStream(token: string, namespace: string, pod: string, opts: LogOptions, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const res = await openPodLog(token, namespace, pod, opts, opts.container, signal);
  signal.addEventListener('abort', () => res.destroy(), { once: true });
  return toWebStream(res);
}
