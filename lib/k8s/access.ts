import 'server-only';
import { kubeRequest } from './client';
import { denialReason, type AccessCheck, type AccessResult } from './actions/permissions';

// "Can I?" asked of the API server itself (SelfSubjectAccessReview), with the user's own token: the controls are
// enabled exactly when the cluster's RBAC would let the action through.

interface SelfSubjectAccessReview { status?: { allowed?: boolean; denied?: boolean; reason?: string; evaluationError?: string } }

export async function canI(token: string, check: AccessCheck): Promise<AccessResult> {
  const res = await kubeRequest<SelfSubjectAccessReview>(token, {
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: {
        resourceAttributes: {
          verb: check.verb, group: check.group, resource: check.resource,
          subresource: check.subresource, namespace: check.namespace, name: check.name,
          ...(check.labelSelector ? { labelSelector: { rawSelector: check.labelSelector } } : {}),
          ...(check.fieldSelector ? { fieldSelector: { rawSelector: check.fieldSelector } } : {}),
        },
      },
    },
  });
  const st = res.body.status ?? {};
  return st.allowed ? { allowed: true } : { allowed: false, reason: st.reason || undefined };
}

/** Several checks at once; a denial's reason names the permission and the user, ready for a tooltip. */
export async function checkAccess(token: string, username: string, checks: AccessCheck[]): Promise<AccessResult[]> {
  return Promise.all(checks.map(async (c) => {
    const r = await canI(token, c);
    return r.allowed ? r : { allowed: false, reason: denialReason(c, username, r.reason) };
  }));
}
