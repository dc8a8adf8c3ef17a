import 'server-only';
import { kubeRequest } from '@/lib/k8s/client';
import { ApiError, type ApiErrorBody } from '@/lib/k8s/errors';
import { nodeUsageSet, podContainers, podUsageSet, topPods, type RawNodeMetrics, type RawPodMetrics } from './compact';
import { runningPodsPerNode } from './node-pods';
import type { NodeUsageSet, PodContainersUsage, PodUsageSet, TopPods } from './types';

// The Metrics API (metrics.k8s.io/v1beta1, served by metrics-server through the API server's aggregation layer),
// read with the user's own token like every other call. metrics-server answers a list in one piece: it ignores
// limit/continue (its PodMetrics List has no pagination), so a scope is read whole and reduced to compact tuples
// right away; the raw list is dropped before the answer is sent.

const BASE = '/apis/metrics.k8s.io/v1beta1';

export interface PodScope { namespace?: string; labelSelector?: string }

/** Why metrics are missing, in words for the one line the UI shows; the status and reason stay the API server's. */
export function metricsUnavailable(e: unknown, what: string): ApiError {
  if (!(e instanceof ApiError)) return new ApiError({ status: 502, reason: 'MetricsUnavailable', message: `${what}: the metrics API did not answer` });
  const b: ApiErrorBody = e.body;
  if (b.status === 404 && !b.message.includes('podmetrics') && !b.message.includes('nodemetrics')) {
    return new ApiError({ ...b, message: `${what}: this cluster does not serve metrics.k8s.io (no metrics-server registered)` });
  }
  if (b.status === 503 || b.reason === 'ServiceUnavailable') {
    return new ApiError({ ...b, message: `${what}: metrics-server is unavailable (APIService v1beta1.metrics.k8s.io: ${b.message})` });
  }
  return e;
}

async function list<T>(token: string, path: string, labelSelector?: string): Promise<T[]> {
  const res = await kubeRequest<{ items?: T[] }>(token, { path, query: { labelSelector }, timeoutMs: 15_000 });
  return res.body?.items ?? [];
}

const podsPath = (namespace?: string) => (namespace ? `${BASE}/namespaces/${encodeURIComponent(namespace)}/pods` : `${BASE}/pods`);

export async function readPodUsage(token: string, scope: PodScope): Promise<PodUsageSet> {
  try {
    return podUsageSet(await list<RawPodMetrics>(token, podsPath(scope.namespace), scope.labelSelector));
  } catch (e) {
    throw metricsUnavailable(e, 'pod metrics');
  }
}

export async function readTopPods(token: string, scope: PodScope, n: number): Promise<TopPods> {
  try {
    return topPods(await list<RawPodMetrics>(token, podsPath(scope.namespace), scope.labelSelector), n);
  } catch (e) {
    throw metricsUnavailable(e, 'pod metrics');
  }
}

export async function readPodContainers(token: string, namespace: string, name: string): Promise<PodContainersUsage> {
  try {
    const res = await kubeRequest<RawPodMetrics>(token, { path: `${podsPath(namespace)}/${encodeURIComponent(name)}` });
    return podContainers(res.body);
  } catch (e) {
    throw metricsUnavailable(e, 'pod metrics');
  }
}

export async function readNodeUsage(token: string, withPods = false): Promise<NodeUsageSet> {
  let set: NodeUsageSet;
  try {
    set = nodeUsageSet(await list<RawNodeMetrics>(token, `${BASE}/nodes`));
  } catch (e) {
    throw metricsUnavailable(e, 'node metrics');
  }
  return withPods ? { ...set, running: await runningPodsPerNode(token, Object.keys(set.nodes)) } : set;
}
