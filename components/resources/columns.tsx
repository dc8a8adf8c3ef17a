import Link from 'next/link';
import type { ReactNode } from 'react';
import { RolloutBadge, rolloutSettled } from '@/components/actions/rollout-badge';
import { ScaleControl } from '@/components/actions/scale-control';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatAge } from '@/lib/format';
import { RESOURCES, kindNameOf, type ColumnKind, type KindName } from '@/lib/k8s/resources';
import type { BaseRow, DeploymentRow, RowByKind } from '@/lib/k8s/rows/types';

// Column definitions per kind: the only per-kind UI code a list needs. Headers follow kubectl's.

export interface ColumnContext { allNamespaces: boolean; now: number }
export interface Column<R> {
  id: string;
  header: string;
  cell: (row: R, ctx: ColumnContext) => ReactNode;
  sort?: (row: R) => string | number;
  /** Shown only when this returns true (e.g. NAMESPACE with all namespaces). */
  when?: (ctx: ColumnContext) => boolean;
  className?: string;
}

export function detailHref(kind: KindName, row: Pick<BaseRow, 'name' | 'namespace'>): string {
  return `/${kind}/${row.namespace ?? '-'}/${encodeURIComponent(row.name)}`;
}

function nameColumn<R extends BaseRow>(kind: KindName): Column<R> {
  return {
    id: 'name', header: 'NAME', sort: (r) => r.name, className: 'font-medium',
    cell: (r) => (RESOURCES[kind] as { detail?: boolean }).detail
      ? <Link prefetch={false} className="text-sky-700 hover:underline dark:text-sky-400" href={detailHref(kind, r)}>{r.name}</Link>
      : r.name,
  };
}

const namespaceColumn: Column<BaseRow> = {
  id: 'namespace', header: 'NAMESPACE', sort: (r) => r.namespace ?? '', cell: (r) => r.namespace, when: (c) => c.allNamespaces,
};
const ageColumn: Column<BaseRow> = {
  id: 'age', header: 'AGE', sort: (r) => -Date.parse(r.created ?? '0'), cell: (r, c) => <time dateTime={r.created}>{formatAge(r.created, c.now)}</time>,
};
const mono = 'font-mono text-xs';

/** Desired replicas with the click-to-scale control, for kinds with `scalable` in the registry. */
function scaleColumn<R extends DeploymentRow>(kind: KindName): Column<R> {
  return {
    id: 'replicas', header: 'REPLICAS', sort: (r) => r.replicas,
    cell: (row) => <ScaleControl kindName={kind} r={RESOURCES[kind]} namespace={row.namespace} name={row.name} replicas={row.replicas} ready={row.readyReplicas} settled={rolloutSettled(row)} />,
  };
}
const rolloutColumn: Column<DeploymentRow> = {
  id: 'rollout', header: 'ROLLOUT', sort: (r) => r.progress.state, cell: (r) => <RolloutBadge progress={r.progress} />,
};

function ownerLink(owner: { kind: string; name: string } | undefined, namespace: string | undefined): ReactNode {
  if (!owner) return '<none>';
  const k = kindNameOf(owner.kind);
  const label = `${owner.kind}/${owner.name}`;
  return k ? <Link prefetch={false} className="text-sky-700 hover:underline dark:text-sky-400" href={detailHref(k, { name: owner.name, namespace })}>{label}</Link> : label;
}

// StatefulSets, DaemonSets, Jobs and CronJobs list kubectl's columns from the Table (LISTED_AS_TABLE).
export const COLUMNS: { [K in ColumnKind]: Column<RowByKind[K]>[] } = {
  pods: [
    namespaceColumn, nameColumn('pods'),
    { id: 'ready', header: 'READY', cell: (r) => r.ready, sort: (r) => r.ready },
    { id: 'status', header: 'STATUS', sort: (r) => r.status, cell: (r) => <StatusBadge health={r.health}>{r.status}</StatusBadge> },
    { id: 'restarts', header: 'RESTARTS', sort: (r) => r.restarts, cell: (r, c) => (r.restarts && r.lastRestart ? `${r.restarts} (${formatAge(r.lastRestart, c.now)} ago)` : r.restarts) },
    ageColumn,
    { id: 'ip', header: 'IP', sort: (r) => r.ip, cell: (r) => r.ip, className: mono },
    { id: 'node', header: 'NODE', sort: (r) => r.node, cell: (r) => r.node },
  ],
  deployments: [
    namespaceColumn, nameColumn('deployments'),
    { id: 'ready', header: 'READY', sort: (r) => r.readyReplicas, cell: (r) => <StatusBadge health={r.health}>{r.ready}</StatusBadge> },
    { id: 'updated', header: 'UP-TO-DATE', sort: (r) => r.updated, cell: (r) => r.updated },
    { id: 'available', header: 'AVAILABLE', sort: (r) => r.available, cell: (r) => r.available },
    scaleColumn('deployments'), rolloutColumn,
    ageColumn,
    { id: 'containers', header: 'CONTAINERS', cell: (r) => r.containers },
    { id: 'images', header: 'IMAGES', cell: (r) => r.images, className: mono },
    { id: 'selector', header: 'SELECTOR', cell: (r) => r.selector, className: mono },
  ],
  configmaps: [
    namespaceColumn, nameColumn('configmaps'),
    { id: 'data', header: 'DATA', sort: (r) => r.data, cell: (r) => r.data },
    ageColumn,
  ],
  replicasets: [
    namespaceColumn, nameColumn('replicasets'),
    { id: 'desired', header: 'DESIRED', sort: (r) => r.desired, cell: (r) => r.desired },
    { id: 'current', header: 'CURRENT', sort: (r) => r.current, cell: (r) => r.current },
    { id: 'ready', header: 'READY', sort: (r) => r.ready, cell: (r) => r.ready },
    ageColumn,
    { id: 'images', header: 'IMAGES', cell: (r) => r.images, className: mono },
    { id: 'owner', header: 'CONTROLLED BY', cell: (r) => ownerLink(r.owner, r.namespace) },
  ],
  services: [
    namespaceColumn, nameColumn('services'),
    { id: 'type', header: 'TYPE', sort: (r) => r.type, cell: (r) => r.type },
    { id: 'clusterIP', header: 'CLUSTER-IP', sort: (r) => r.clusterIP, cell: (r) => r.clusterIP, className: mono },
    { id: 'externalIP', header: 'EXTERNAL-IP', cell: (r) => r.externalIP, className: mono },
    { id: 'ports', header: 'PORT(S)', cell: (r) => r.ports, className: mono },
    ageColumn,
    { id: 'selector', header: 'SELECTOR', cell: (r) => r.selector, className: mono },
  ],
  nodes: [
    nameColumn('nodes'),
    { id: 'status', header: 'STATUS', sort: (r) => r.status, cell: (r) => <StatusBadge health={r.health}>{r.status}</StatusBadge> },
    { id: 'roles', header: 'ROLES', cell: (r) => r.roles },
    ageColumn,
    { id: 'version', header: 'VERSION', sort: (r) => r.version, cell: (r) => r.version },
    { id: 'internalIP', header: 'INTERNAL-IP', cell: (r) => r.internalIP, className: mono },
    { id: 'cpu', header: 'CPU', sort: (r) => Number(r.cpu) || 0, cell: (r) => r.cpu },
    { id: 'memory', header: 'MEMORY', cell: (r) => r.memory },
    { id: 'pods', header: 'PODS', cell: (r) => r.pods },
  ],
  namespaces: [
    {
      // Choosing a namespace scopes the console to it (the overview, then every list).
      id: 'name', header: 'NAME', sort: (r) => r.name, className: 'font-medium',
      cell: (r) => <Link prefetch={false} className="text-sky-700 hover:underline dark:text-sky-400" href={`/?ns=${encodeURIComponent(r.name)}`}>{r.name}</Link>,
    },
    { id: 'status', header: 'STATUS', sort: (r) => r.status, cell: (r) => <StatusBadge health={r.health}>{r.status}</StatusBadge> },
    ageColumn,
  ],
  events: [
    namespaceColumn,
    { id: 'lastSeen', header: 'LAST SEEN', sort: (r) => -Date.parse(r.lastSeen ?? '0'), cell: (r, c) => formatAge(r.lastSeen, c.now) },
    { id: 'type', header: 'TYPE', sort: (r) => r.type, cell: (r) => <StatusBadge health={r.type === 'Warning' ? 'warning' : 'neutral'}>{r.type}</StatusBadge> },
    { id: 'reason', header: 'REASON', sort: (r) => r.reason, cell: (r) => r.reason },
    { id: 'object', header: 'OBJECT', sort: (r) => r.object, cell: (r) => (r.objectKind ? ownerLink({ kind: r.objectKind, name: r.objectName ?? '' }, r.namespace) : r.object) },
    { id: 'count', header: 'COUNT', sort: (r) => r.count, cell: (r) => r.count },
    { id: 'message', header: 'MESSAGE', cell: (r) => r.message, className: 'max-w-xl whitespace-normal' },
  ],
};
