import 'server-only';
import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { kubeRequest } from '@/lib/k8s/client';
import { ApiError, fromTransport } from '@/lib/k8s/errors';
import { getObject } from '@/lib/k8s/list';
import { apiPath, RESOURCES, type KindName } from '@/lib/k8s/resources';
import { formatSelector } from '@/lib/format';
import { mergeLogStreams, type LogSource } from './merge';
import { LIMIT_BYTES, MAX_LINES, type LogOptions } from './options';
import { openPodLog } from './pod';

// A Deployment's (or any workload's with a selector: Job, StatefulSet, …) logs: every container of every pod its
// selector matches, interleaved, `[pod/container] ` first.
// Bounded like one pod's log: LIMIT_BYTES shared by all containers, MAX_LINES lines, backpressure (merge.ts).

export const MAX_LOG_SOURCES = 40;

interface PodList { items?: V1Pod[] }

async function podsOf(token: string, namespace: string, name: string, kind: KindName): Promise<V1Pod[]> {
  const d = await getObject<V1Deployment>(token, kind, namespace, name);
  const selector = formatSelector(d.spec?.selector);
  if (selector === '<none>') return [];
  const res = await kubeRequest<PodList>(token, { path: apiPath(RESOURCES.pods, { namespace }), query: { labelSelector: selector } });
  return (res.body.items ?? []).sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

export async function deploymentLogStream(
  token: string, namespace: string, name: string, opts: LogOptions, signal: AbortSignal, kind: KindName = 'deployments',
): Promise<ReadableStream<Uint8Array>> {
  const pods = await podsOf(token, namespace, name, kind);
  const pairs = pods.flatMap((p) => (p.spec?.containers ?? [])
    .filter((c) => !opts.container || c.name === opts.container)
    .map((c) => ({ pod: p.metadata?.name ?? '', container: c.name })));
  if (pairs.length === 0) {
    const what = opts.container ? `pods with a container "${opts.container}"` : 'pods';
    throw new ApiError({ status: 404, reason: 'NotFound', message: `${RESOURCES[kind].kind.toLowerCase()} ${namespace}/${name} has no ${what}` });
  }
  const upstream = new AbortController();
  signal.addEventListener('abort', () => upstream.abort(), { once: true });
  // One byte budget for the whole request, shared by its containers (not 40 × LIMIT_BYTES).
  const perSource = Math.max(64 * 1024, Math.floor(LIMIT_BYTES / Math.min(pairs.length, MAX_LOG_SOURCES)));
  const sources: LogSource[] = pairs.slice(0, MAX_LOG_SOURCES).map(({ pod, container }) => ({
    prefix: `[${pod}/${container}] `,
    open: () => openPodLog(token, namespace, pod, opts, container, upstream.signal, opts.follow ? opts.timestamps : true, perSource),
  }));
  if (pairs.length > MAX_LOG_SOURCES) {
    const note = `showing the first ${MAX_LOG_SOURCES} of ${pairs.length} containers\n`;
    sources.unshift({ prefix: '[wheelhouse] ', open: async () => [note] });
  }
  return mergeLogStreams(sources, {
    byTime: !opts.follow,
    timestamps: opts.timestamps,
    describeError: (e) => fromTransport(e).message,
    onCancel: () => upstream.abort(),
    maxLines: MAX_LINES,
  });
}
