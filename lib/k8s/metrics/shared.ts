import 'server-only';
import { canI } from '@/lib/k8s/access';
import { ApiError } from '@/lib/k8s/errors';
import { readPodUsage, readTopPods, type PodScope } from './read';
import { topOf } from './compact';
import type { PodUsageSet, TopPods } from './types';

// Ten people with the all-pods page open would otherwise each make metrics-server serialise, and this server parse,
// every PodMetrics of the cluster once per window (metrics-server cannot page). One read per namespace scope (or
// the whole cluster) is shared for a few seconds, and only after the API server says, for this user's own token
// (SelfSubjectAccessReview), that they may list pods.metrics.k8s.io in exactly that scope. The read itself runs with
// the token of the user whose request started it. Label-selected reads are not shared.

const SHARE_MS = 5_000;
const MAX_ENTRIES = 500;

interface Entry { at: number; value: Promise<PodUsageSet> }
const entries = new Map<string, Entry>();

async function mayList(token: string, username: string, namespace?: string): Promise<void> {
  const r = await canI(token, { verb: 'list', group: 'metrics.k8s.io', resource: 'pods', namespace: namespace ?? '' });
  if (r.allowed) return;
  const where = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  throw new ApiError({
    status: 403, reason: 'Forbidden',
    message: `pods.metrics.k8s.io is forbidden: User "${username}" cannot list resource "pods" in API group "metrics.k8s.io" ${where}`,
  });
}

function shared(token: string, namespace?: string): Promise<PodUsageSet> {
  const key = namespace ?? '';
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && now - hit.at < SHARE_MS) return hit.value;
  for (const [k, e] of entries) if (now - e.at >= SHARE_MS || entries.size >= MAX_ENTRIES) entries.delete(k);
  const value = readPodUsage(token, { namespace });
  entries.set(key, { at: now, value });
  value.catch(() => entries.delete(key));
  return value;
}

export async function podUsageFor(token: string, username: string, scope: PodScope): Promise<PodUsageSet> {
  if (scope.labelSelector) return readPodUsage(token, scope);
  await mayList(token, username, scope.namespace);
  return shared(token, scope.namespace);
}

export async function topPodsFor(token: string, username: string, scope: PodScope, n: number): Promise<TopPods> {
  if (scope.labelSelector) return readTopPods(token, scope, n);
  await mayList(token, username, scope.namespace);
  return topOf(await shared(token, scope.namespace), n);
}
