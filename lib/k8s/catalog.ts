import type { ResourceKind } from './resources';

// Pure: the API server's aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList, from `/api` and
// `/apis`) → the catalog of every resource it serves, each under one URL name the console uses in its routes:
// the plural where it is unique ("deployments"), `plural.group` where two groups serve the same plural
// ("virtualservices.networking.istio.io"). Client-safe: no I/O, no runtime dependencies.

export interface CatalogEntry extends Pick<ResourceKind, 'kind' | 'group' | 'version' | 'plural' | 'namespaced'> {
  /** The URL name: the plural, or `plural.group` when the plural is served by more than one group. */
  name: string;
  verbs: string[];
  shortNames: string[];
  categories: string[];
  /** Subresources by name (scale, status, log, exec…). */
  subresources: string[];
  singular: string;
}

interface DiscoveredResource {
  resource: string;
  responseKind?: { kind?: string };
  scope?: 'Namespaced' | 'Cluster';
  singularResource?: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: { subresource: string }[];
}
interface DiscoveredGroup { metadata?: { name?: string }; versions?: { version: string; resources?: DiscoveredResource[] }[] }
export interface GroupDiscoveryList { kind?: string; items?: DiscoveredGroup[] }

/** Every top-level resource of the documents, at its group's preferred version (the first one listed). */
export function catalogFrom(docs: GroupDiscoveryList[]): CatalogEntry[] {
  const out: Omit<CatalogEntry, 'name'>[] = [];
  for (const doc of docs) {
    for (const g of doc.items ?? []) {
      const group = g.metadata?.name ?? '';
      const seen = new Set<string>();
      // Versions come in preference order; an older version only adds resources the preferred one lacks.
      for (const v of g.versions ?? []) {
        for (const r of v.resources ?? []) {
          if (seen.has(r.resource) || r.resource.includes('/')) continue;
          seen.add(r.resource);
          out.push({
            kind: r.responseKind?.kind ?? '', group, version: v.version, plural: r.resource,
            namespaced: r.scope === 'Namespaced', verbs: r.verbs ?? [], shortNames: r.shortNames ?? [],
            categories: r.categories ?? [], subresources: (r.subresources ?? []).map((s) => s.subresource),
            singular: r.singularResource || r.resource,
          });
        }
      }
    }
  }
  const count = new Map<string, number>();
  for (const e of out) count.set(e.plural, (count.get(e.plural) ?? 0) + 1);
  // A core resource keeps the bare plural even when a group reuses it (kubectl's own preference: "events").
  return out.map((e) => ({ ...e, name: count.get(e.plural)! > 1 && e.group ? `${e.plural}.${e.group}` : e.plural }));
}

/** The entry a URL name (or `plural.group`, or `plural.group` spelled for a unique plural) names, if any. */
export function findEntry(catalog: CatalogEntry[], name: string): CatalogEntry | undefined {
  return catalog.find((e) => e.name === name) ?? catalog.find((e) => e.group && `${e.plural}.${e.group}` === name);
}

/** What a user typed in "go to" (plural, singular, kind, short name, `plural.group`) → matching entries. */
type Matchable = Pick<CatalogEntry, 'name' | 'plural' | 'singular' | 'kind' | 'shortNames' | 'group'>;

export function matchEntries<E extends Matchable>(catalog: E[], typed: string): E[] {
  const t = typed.trim().toLowerCase();
  if (!t) return [];
  const exact = catalog.filter((e) =>
    e.name === t || e.plural === t || e.singular === t || e.kind.toLowerCase() === t || e.shortNames.includes(t) || `${e.plural}.${e.group}` === t);
  const prefix = catalog.filter((e) => !exact.includes(e) && (e.name.startsWith(t) || e.kind.toLowerCase().startsWith(t)));
  return [...exact, ...prefix];
}

export const listable = (e: CatalogEntry) => e.verbs.includes('list') && e.verbs.includes('watch');

export type NavSection = 'Workloads' | 'Service' | 'Config & Storage' | 'Cluster' | 'Custom Resources';

// Where the Kubernetes Dashboard puts the built-in kinds; anything else from a built-in group goes to Cluster,
// anything from another group to Custom Resources (grouped by its API group).
const SECTIONS: Record<string, NavSection> = {
  'pods': 'Workloads', 'deployments.apps': 'Workloads', 'replicasets.apps': 'Workloads', 'statefulsets.apps': 'Workloads',
  'daemonsets.apps': 'Workloads', 'jobs.batch': 'Workloads', 'cronjobs.batch': 'Workloads', 'replicationcontrollers': 'Workloads',
  'services': 'Service', 'ingresses.networking.k8s.io': 'Service', 'ingressclasses.networking.k8s.io': 'Service',
  'endpointslices.discovery.k8s.io': 'Service', 'networkpolicies.networking.k8s.io': 'Service',
  'configmaps': 'Config & Storage', 'secrets': 'Config & Storage', 'persistentvolumeclaims': 'Config & Storage',
  'persistentvolumes': 'Config & Storage', 'storageclasses.storage.k8s.io': 'Config & Storage',
  'horizontalpodautoscalers.autoscaling': 'Workloads', 'poddisruptionbudgets.policy': 'Workloads',
};
const BUILT_IN = /(^$|\.k8s\.io$|^apps$|^batch$|^autoscaling$|^policy$)/;

export function sectionOf(e: Pick<CatalogEntry, 'plural' | 'group'>): NavSection {
  const key = e.group ? `${e.plural}.${e.group}` : e.plural;
  return SECTIONS[key] ?? (BUILT_IN.test(e.group) ? 'Cluster' : 'Custom Resources');
}

/** Plural "persistentvolumeclaims" with kind "PersistentVolumeClaim" → "PersistentVolumeClaims". */
export function titleOf(e: Pick<CatalogEntry, 'kind' | 'plural'>): string {
  if (!e.kind) return e.plural;
  const k = e.kind;
  return /(s|x|ch|sh)$/.test(k) ? `${k}es` : /[^aeiou]y$/.test(k) ? `${k.slice(0, -1)}ies` : `${k}s`;
}
