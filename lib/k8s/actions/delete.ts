import 'server-only';
import { kubeRequest } from '@/lib/k8s/client';
import { apiPath } from '@/lib/k8s/resources';
import type { ActionTarget } from './target';

// Deletes one object; its dependents (a Deployment's ReplicaSets and pods) go in the background, as with kubectl.

export interface DeleteResult { kind: string; namespace?: string; name: string; uid?: string; warnings: string[] }

export async function deleteObject(token: string, t: ActionTarget): Promise<DeleteResult> {
  const res = await kubeRequest<{ metadata?: { uid?: string }; details?: { uid?: string } }>(token, {
    method: 'DELETE',
    path: apiPath(t.r, { namespace: t.namespace, name: t.name }),
    body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Background' },
  });
  const uid = res.body.metadata?.uid ?? res.body.details?.uid;
  return { kind: t.r.kind, ...(t.namespace ? { namespace: t.namespace } : {}), name: t.name, ...(uid ? { uid } : {}), warnings: res.warnings };
}
