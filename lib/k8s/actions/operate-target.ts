import 'server-only';
import { nameParam, objectNamespaceParam } from '@/lib/api/params';
import { resolveKind } from '@/lib/k8s/discovery';
import { ApiError } from '@/lib/k8s/errors';
import { isKindName, RESOURCES, type KindRef } from '@/lib/k8s/resources';
import { clip } from '@/lib/k8s/validate';
import { offers, type Capability, type KindDescriptor } from './catalog';
import type { ObjectRef } from './target';

// The object a route's parameters name — a registry kind, or any kind the user's discovery serves (a CRD's) — once
// validated and known to offer the action (lib/k8s/actions/catalog: availability is data over the descriptor).

const URL_NAME = /^[a-z0-9]([-a-z0-9.]{0,250}[a-z0-9])?$/;

async function descriptorOf(token: string, kind: string): Promise<{ ref: KindRef; d: KindDescriptor & ObjectRef['r'] }> {
  if (isKindName(kind)) return { ref: kind, d: RESOURCES[kind] };
  if (!URL_NAME.test(kind)) throw new ApiError({ status: 404, reason: 'NotFound', message: `unknown resource kind "${clip(kind)}"` });
  const e = await resolveKind(token, kind);
  const r = { kind: e.kind, group: e.group, version: e.version, plural: e.plural, namespaced: e.namespaced };
  return { ref: { name: e.name, ...r }, d: { ...r, subresources: e.subresources } };
}

export async function operateTarget(c: Capability, p: { kind: string; namespace: string; name: string }, token: string): Promise<ObjectRef> {
  const { ref, d } = await descriptorOf(token, p.kind);
  const target = { r: d, namespace: objectNamespaceParam(ref, p.namespace), name: nameParam(p.name) };
  if (!offers(d, c)) throw new ApiError({ status: 405, reason: 'MethodNotAllowed', message: `${d.plural} do not offer "${c}"` });
  return target;
}
