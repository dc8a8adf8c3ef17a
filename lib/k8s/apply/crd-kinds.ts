import type { DiscoveredKind } from '@/lib/k8s/discovery';
import type { ParsedDoc } from './parse';

// Pure: the kinds that CustomResourceDefinitions in the same stream define, so their objects can be applied in one
// go (the CRDs first, then, once they are Established, the objects).

export const CRD_API_VERSION = 'apiextensions.k8s.io/v1';
export interface StreamKind { resource: DiscoveredKind; crdName: string; crdIndex: number }

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isCrd(d: { apiVersion?: string; kind?: string }): boolean {
  return d.apiVersion === CRD_API_VERSION && d.kind === 'CustomResourceDefinition';
}

/** "group/version Kind" → where it will live, for every served version of every CRD in the stream. */
export function kindsDefinedIn(docs: ParsedDoc[]): Map<string, StreamKind> {
  const out = new Map<string, StreamKind>();
  for (const d of docs) {
    if (!d.ok || !isCrd(d)) continue;
    const spec = isRecord(d.object.spec) ? d.object.spec : {};
    const names = isRecord(spec.names) ? spec.names : {};
    const { group } = spec;
    const { kind, plural } = names;
    if (typeof group !== 'string' || typeof kind !== 'string' || typeof plural !== 'string' || !Array.isArray(spec.versions)) continue;
    for (const v of spec.versions) {
      if (!isRecord(v) || typeof v.name !== 'string' || v.served === false) continue;
      const resource = { kind, group, version: v.name, plural, namespaced: spec.scope !== 'Cluster', verbs: [] };
      out.set(`${group}/${v.name} ${kind}`, { resource, crdName: d.name, crdIndex: d.index });
    }
  }
  return out;
}
