import 'server-only';
import type { IncomingMessage } from 'node:http';
import { kubeStream } from '@/lib/k8s/client';
import { apiPath, RESOURCES } from '@/lib/k8s/resources';
import { podLogQuery, type LogOptions } from './options';

// One container's log, straight from pods/log. The upstream request is torn down as soon as the browser goes away.

export function openPodLog(token: string, namespace: string, pod: string, opts: LogOptions, container: string | undefined, signal: AbortSignal, timestamps?: boolean): Promise<IncomingMessage> {
  return kubeStream(token, {
    path: apiPath(RESOURCES.pods, { namespace, name: pod, subresource: 'log' }),
    query: podLogQuery(opts, container, timestamps),
    accept: 'text/plain, */*',
    signal,
  });
}

/** A Node response as a web stream for a Response body; cancelling it (client gone) destroys the upstream. */
export function toWebStream(res: IncomingMessage): ReadableStream<Uint8Array> {
  let closed = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      res.on('data', (chunk: Buffer) => {
        if (!closed) controller.enqueue(new Uint8Array(chunk));
      });
      res.on('end', () => {
        if (!closed) {
          closed = true;
          controller.close();
        }
      });
      // A broken upstream ends the text where it broke; the browser sees a finished log, not a stack trace.
      res.on('error', () => {
        if (!closed) {
          closed = true;
          controller.close();
        }
      });
    },
    cancel() {
      closed = true;
      res.destroy();
    },
  });
}

export async function podLogStream(token: string, namespace: string, pod: string, opts: LogOptions, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const res = await openPodLog(token, namespace, pod, opts, opts.container, signal);
  signal.addEventListener('abort', () => res.destroy(), { once: true });
  return toWebStream(res);
}
