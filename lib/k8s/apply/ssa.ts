import 'server-only';
import { canI } from '@/lib/k8s/access';
import { kubeRequest } from '@/lib/k8s/client';
import type { DiscoveredKind } from '@/lib/k8s/discovery';
import { ApiError } from '@/lib/k8s/errors';
import { apiPath } from '@/lib/k8s/resources';

// Server-side apply, with the console as field manager. Fields are validated strictly (an unknown field is an error,
// not a silent drop), and conflicts with other managers are only overridden when the user explicitly forces.

export const FIELD_MANAGER = 'wheelhouse';

export interface Target { resource: DiscoveredKind; namespace?: string; name: string }
export interface Written { object: Record<string, unknown>; warnings: string[] }

function objectPath(t: Target): string {
  return apiPath(t.resource, { namespace: t.resource.namespaced ? t.namespace : undefined, name: t.name });
}

/** The live object, or undefined when it does not exist. */
export async function getLive(token: string, t: Target): Promise<Record<string, unknown> | undefined> {
  try {
    return (await kubeRequest<Record<string, unknown>>(token, { path: objectPath(t) })).body;
  } catch (e) {
    if (e instanceof ApiError && e.body.status === 404) return undefined;
    throw e;
  }
}

export async function serverSideApply(
  token: string,
  t: Target,
  object: Record<string, unknown>,
  opts: { dryRun: boolean; force: boolean },
): Promise<Written> {
  const res = await kubeRequest<Record<string, unknown>>(token, {
    method: 'PATCH',
    path: objectPath(t),
    // JSON is YAML: the apply-patch content type takes it as is.
    contentType: 'application/apply-patch+yaml',
    body: JSON.stringify(object),
    query: { fieldManager: FIELD_MANAGER, fieldValidation: 'Strict', dryRun: opts.dryRun ? 'All' : undefined, force: opts.force ? true : undefined },
  });
  return { object: res.body, warnings: res.warnings };
}

/** kubectl delete's default: background cascading deletion of dependents. */
export async function deleteObject(token: string, t: Target): Promise<{ warnings: string[] }> {
  const res = await kubeRequest<unknown>(token, {
    method: 'DELETE',
    path: objectPath(t),
    body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Background' },
  });
  return { warnings: res.warnings };
}

/** May this user delete the object? Asked of the API server (lib/k8s/access.ts). */
export async function canDelete(token: string, t: Target): Promise<boolean> {
  const review = await canI(token, {
    verb: 'delete', group: t.resource.group, resource: t.resource.plural, name: t.name,
    namespace: t.resource.namespaced ? t.namespace : undefined,
  });
  return review.allowed;
}
