import 'server-only';
import { kubeRequest } from '@/lib/k8s/client';
import { ApiError, badRequest } from '@/lib/k8s/errors';
import { apiPath } from '@/lib/k8s/resources';
import type { ObjectRef } from './target';

// Deletes one object. Its dependents (a Deployment's ReplicaSets and pods) go in the background by default, as with
// kubectl; Foreground waits for them before the object goes, Orphan leaves them without an owner.

export const PROPAGATION = ['Background', 'Foreground', 'Orphan'] as const;
export type Propagation = (typeof PROPAGATION)[number];

export function propagationParam(v: string | null): Propagation {
  if (v === null || v === '') return 'Background';
  const found = PROPAGATION.find((p) => p === v);
  if (!found) throw new ApiError(badRequest(`propagationPolicy must be one of ${PROPAGATION.join(', ')}`));
  return found;
}

export interface DeleteResult { kind: string; namespace?: string; name: string; uid?: string; warnings: string[] }

/**
 * A namespace or any cluster-scoped object is deleted only with its name typed again (`?confirm=<name>`): the
 * console's dialog asks for it, and the server insists, so no single stray request removes a namespace.
 */
export function checkTypedName(t: ObjectRef, confirm: string | null): void {
  if (t.r.namespaced || confirm === t.name) return;
  throw new ApiError(badRequest(`deleting ${t.r.kind.toLowerCase()} "${t.name}" needs its name typed to confirm (confirm=${t.name}); nothing was deleted`));
}

export async function deleteObject(token: string, t: ObjectRef, propagationPolicy: Propagation = 'Background'): Promise<DeleteResult> {
  const res = await kubeRequest<{ metadata?: { uid?: string }; details?: { uid?: string } }>(token, {
    method: 'DELETE',
    path: apiPath(t.r, { namespace: t.namespace, name: t.name }),
    body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy },
  });
  const uid = res.body.metadata?.uid ?? res.body.details?.uid;
  return { kind: t.r.kind, ...(t.namespace ? { namespace: t.namespace } : {}), name: t.name, ...(uid ? { uid } : {}), warnings: res.warnings };
}
