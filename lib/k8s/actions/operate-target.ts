import 'server-only';
import { kindParam, nameParam, objectNamespaceParam } from '@/lib/api/params';
import { ApiError } from '@/lib/k8s/errors';
import { resourceFor } from '@/lib/k8s/resources';
import { offers, type Capability } from './catalog';
import type { ActionTarget } from './target';

// The object a route's parameters name, once validated and known to offer the action (lib/k8s/actions/catalog).

export function operateTarget(c: Capability, p: { kind: string; namespace: string; name: string }): ActionTarget {
  const kindName = kindParam(p.kind);
  const r = resourceFor(kindName);
  const target = { kindName, r, namespace: objectNamespaceParam(kindName, p.namespace), name: nameParam(p.name) };
  if (!offers(r, c)) throw new ApiError({ status: 405, reason: 'MethodNotAllowed', message: `${r.title} do not offer "${c}"` });
  return target;
}
