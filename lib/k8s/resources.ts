// The resource registry: every kind the console lists or shows is data here. No runtime dependencies, so client
// components can import it. Adding a kind = one entry here + a row mapper (lib/k8s/rows) + columns (components).

export interface ResourceKind {
  /** Kubernetes kind, e.g. "Deployment". */
  kind: string;
  /** API group ("" for the core group). */
  group: string;
  version: string;
  /** The URL plural, e.g. "deployments". */
  plural: string;
  namespaced: boolean;
  /** Heading shown in the UI. */
  title: string;
  /** Has a scale subresource the console may drive. */
  scalable?: boolean;
  /** Has a detail page. */
  detail?: boolean;
  /** Shown in the sidebar. */
  nav?: boolean;
}

export const RESOURCES = {
  namespaces: { kind: 'Namespace', group: '', version: 'v1', plural: 'namespaces', namespaced: false, title: 'Namespaces', nav: true, detail: true },
  nodes: { kind: 'Node', group: '', version: 'v1', plural: 'nodes', namespaced: false, title: 'Nodes', nav: true, detail: true },
  pods: { kind: 'Pod', group: '', version: 'v1', plural: 'pods', namespaced: true, title: 'Pods', nav: true, detail: true },
  deployments: {
    kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', namespaced: true, title: 'Deployments',
    nav: true, detail: true, scalable: true,
  },
  replicasets: {
    kind: 'ReplicaSet', group: 'apps', version: 'v1', plural: 'replicasets', namespaced: true, title: 'ReplicaSets',
    nav: true, detail: true, scalable: true,
  },
  statefulsets: {
    kind: 'StatefulSet', group: 'apps', version: 'v1', plural: 'statefulsets', namespaced: true, title: 'StatefulSets',
    nav: true, detail: true, scalable: true,
  },
  daemonsets: { kind: 'DaemonSet', group: 'apps', version: 'v1', plural: 'daemonsets', namespaced: true, title: 'DaemonSets', nav: true, detail: true },
  jobs: { kind: 'Job', group: 'batch', version: 'v1', plural: 'jobs', namespaced: true, title: 'Jobs', nav: true, detail: true },
  cronjobs: { kind: 'CronJob', group: 'batch', version: 'v1', plural: 'cronjobs', namespaced: true, title: 'CronJobs', nav: true, detail: true },
  configmaps: { kind: 'ConfigMap', group: '', version: 'v1', plural: 'configmaps', namespaced: true, title: 'ConfigMaps', nav: true, detail: true },
  services: { kind: 'Service', group: '', version: 'v1', plural: 'services', namespaced: true, title: 'Services', nav: true, detail: true },
  events: { kind: 'Event', group: '', version: 'v1', plural: 'events', namespaced: true, title: 'Events', nav: true },
} as const satisfies Record<string, ResourceKind>;

export type KindName = keyof typeof RESOURCES;

export const KIND_NAMES = Object.keys(RESOURCES) as KindName[];

export function isKindName(value: string): value is KindName {
  return Object.prototype.hasOwnProperty.call(RESOURCES, value);
}

/**
 * Registry kinds whose hand-written rows serve their actions (scale, rollout) while their list shows kubectl's own
 * columns from the Table (lib/k8s/page-kind.ts); every other registry kind has its own columns (components/resources/columns.tsx).
 */
export const LISTED_AS_TABLE = ['statefulsets', 'daemonsets', 'jobs', 'cronjobs'] as const satisfies readonly KindName[];
export type ColumnKind = Exclude<KindName, (typeof LISTED_AS_TABLE)[number]>;
export const isListedAsTable = (k: KindName) => (LISTED_AS_TABLE as readonly KindName[]).includes(k);
export const hasOwnColumns = (k: KindRef): k is ColumnKind => typeof k === 'string' && !isListedAsTable(k);

/** A discovered resource the registry does not know: listed through the API server's Table format. */
export interface TableKind extends Pick<ResourceKind, 'kind' | 'group' | 'version' | 'plural' | 'namespaced'> {
  /** The console's URL name (see lib/k8s/catalog.ts). */
  name: string;
}

/** What the list path serves: a registry kind (hand-written rows) or a discovered one (the server's Table rows). */
export type KindRef = KindName | TableKind;

export function refName(kind: KindRef): string {
  return typeof kind === 'string' ? kind : kind.name;
}

export function resourceFor(kind: KindRef): ResourceKind {
  return typeof kind === 'string' ? RESOURCES[kind] : { ...kind, title: kind.plural };
}

/** Finds the registry entry of a Kubernetes kind ("ReplicaSet" → "replicasets"), for owner links. */
export function kindNameOf(kind: string): KindName | undefined {
  return KIND_NAMES.find((k) => RESOURCES[k].kind === kind);
}

/** kubectl's resource name for result lines and messages: "deployment.apps", "service". */
export function qualifiedName(r: Pick<ResourceKind, 'kind' | 'group'>): string {
  const base = r.kind.toLowerCase();
  return r.group ? `${base}.${r.group}` : base;
}

/**
 * The API path of a collection or object. Callers validate namespace and name first (lib/k8s/validate);
 * segments are still URI-encoded here so nothing unvalidated can change the path's shape.
 */
export function apiPath(
  r: Pick<ResourceKind, 'group' | 'version' | 'plural' | 'namespaced'>,
  where: { namespace?: string; name?: string; subresource?: string } = {},
): string {
  const root = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const ns = r.namespaced && where.namespace ? `/namespaces/${encodeURIComponent(where.namespace)}` : '';
  const name = where.name ? `/${encodeURIComponent(where.name)}` : '';
  const sub = where.name && where.subresource ? `/${encodeURIComponent(where.subresource)}` : '';
  return `${root}${ns}/${r.plural}${name}${sub}`;
}
