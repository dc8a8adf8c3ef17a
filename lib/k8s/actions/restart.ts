import 'server-only';
import { kubeRequest } from '@/lib/k8s/client';
import { apiPath } from '@/lib/k8s/resources';
import type { ObjectRef } from './target';

// `kubectl rollout restart`: a new pod-template annotation makes the Deployment roll all its pods.

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** RFC 3339 in UTC without fractions, as kubectl writes it (time.RFC3339). */
export function rfc3339(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z');
}

export function restartPatch(now: Date) {
  return { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: rfc3339(now) } } } } };
}

export interface RestartResult { restartedAt: string; generation?: number; warnings: string[] }

export async function restartRollout(token: string, t: ObjectRef, now = new Date()): Promise<RestartResult> {
  const patch = restartPatch(now);
  const res = await kubeRequest<{ metadata?: { generation?: number } }>(token, {
    method: 'PATCH',
    path: apiPath(t.r, { namespace: t.namespace, name: t.name }),
    contentType: 'application/strategic-merge-patch+json',
    body: patch,
  });
  return { restartedAt: patch.spec.template.metadata.annotations[RESTARTED_AT], generation: res.body.metadata?.generation, warnings: res.warnings };
}
