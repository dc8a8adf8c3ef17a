import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { BaseRow } from './types';

interface HasMeta { metadata?: V1ObjectMeta }

function iso(t: unknown): string | undefined {
  if (!t) return undefined;
  const d = t instanceof Date ? t : new Date(String(t));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export { iso as toIso };

export function base(obj: HasMeta): BaseRow {
  const m = obj.metadata ?? {};
  return {
    uid: m.uid ?? `${m.namespace ?? ''}/${m.name ?? ''}`,
    name: m.name ?? '',
    ...(m.namespace ? { namespace: m.namespace } : {}),
    created: iso(m.creationTimestamp),
    resourceVersion: m.resourceVersion,
  };
}

export function controllerOf(obj: HasMeta): { kind: string; name: string } | undefined {
  const ref = (obj.metadata?.ownerReferences ?? []).find((r) => r.controller) ?? obj.metadata?.ownerReferences?.[0];
  return ref ? { kind: ref.kind, name: ref.name } : undefined;
}

export function containerSummary(containers: { name: string; image?: string }[] | undefined): { containers: string; images: string } {
  const list = containers ?? [];
  return { containers: list.map((c) => c.name).join(',') || '<none>', images: list.map((c) => c.image ?? '').join(',') || '<none>' };
}
