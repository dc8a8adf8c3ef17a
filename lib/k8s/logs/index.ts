import 'server-only';
import type { ActionTarget } from '@/lib/k8s/actions/target';
import { deploymentLogStream } from './deployment';
import type { LogOptions } from './options';
import { podLogStream } from './pod';

export { parseLogOptions, type LogOptions } from './options';

/** The log text of a pod (one container) or of a whole deployment (every pod, prefixed). */
export function openLogs(token: string, t: ActionTarget, opts: LogOptions, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const namespace = t.namespace ?? '';
  return t.kindName !== 'pods'
    ? deploymentLogStream(token, namespace, t.name, opts, signal, t.kindName)
    : podLogStream(token, namespace, t.name, opts, signal);
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
