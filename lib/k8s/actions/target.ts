import 'server-only';
import { ApiError } from '@/lib/k8s/errors';
import { qualifiedName, resourceFor, type KindName, type ResourceKind } from '@/lib/k8s/resources';
import { supports, type ObjectAction } from './permissions';

// The object an action is aimed at, once its kind is known to support the action.

const VERB: Record<ObjectAction, string> = { scale: 'scale', restart: 'restart', delete: 'delete', logs: 'show the logs of' };

export interface ActionTarget { kindName: KindName; r: ResourceKind; namespace?: string; name: string }
/** What an action needs of its object: where its kind lives, its namespace and name (any kind discovery serves). */
export type ObjectRef = Pick<ActionTarget, 'namespace' | 'name'> & { r: Pick<ResourceKind, 'kind' | 'group' | 'version' | 'plural' | 'namespaced'> };

export function actionTarget(action: ObjectAction, kindName: KindName, namespace: string | undefined, name: string): ActionTarget {
  const r = resourceFor(kindName);
  if (!supports(kindName, action)) {
    throw new ApiError({ status: 405, reason: 'MethodNotAllowed', message: `the console does not ${VERB[action]} ${r.title.toLowerCase()}` });
  }
  return { kindName, r, namespace, name };
}

/** kubectl's way to name an object in messages: `deployment.apps default/nginx`. */
export function targetLabel(t: ObjectRef): string {
  return `${qualifiedName(t.r)} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
}
