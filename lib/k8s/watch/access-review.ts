import 'server-only';
import { canI } from '@/lib/k8s/access';
import type { ApiErrorBody } from '@/lib/k8s/errors';
import { resourceFor, type KindRef } from '@/lib/k8s/resources';
import type { Scope } from './events';

// May this user list AND watch this scope? Asked of the API server with the user's own token
// (SelfSubjectAccessReview), selectors included, before a shared watch serves them anything.

async function review(token: string, kind: KindRef, scope: Scope, verb: 'list' | 'watch'): Promise<boolean> {
  const r = resourceFor(kind);
  const result = await canI(token, {
    verb, group: r.group, resource: r.plural, namespace: r.namespaced ? scope.namespace ?? '' : '',
    labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector,
  });
  return result.allowed;
}

/** undefined when allowed; otherwise the 403 the API server itself would have answered, naming this user only. */
export async function watchDenial(token: string, username: string, kind: KindRef, scope: Scope): Promise<ApiErrorBody | undefined> {
  const [list, watch] = await Promise.all([review(token, kind, scope, 'list'), review(token, kind, scope, 'watch')]);
  if (list && watch) return undefined;
  const r = resourceFor(kind);
  const where = r.namespaced && scope.namespace ? `in the namespace "${scope.namespace}"` : 'at the cluster scope';
  return {
    status: 403,
    reason: 'Forbidden',
    message: `${r.plural}${r.group ? `.${r.group}` : ''} is forbidden: User "${username}" cannot ${list ? 'watch' : 'list'} resource "${r.plural}" in API group "${r.group}" ${where}`,
  };
}
