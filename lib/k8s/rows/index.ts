import type { KindName, KindRef } from '@/lib/k8s/resources';
import { tableRow, type TableItem } from '@/lib/k8s/table';
import type { BaseRow, RowByKind } from './types';
import { podRow } from './pods';
import { deploymentRow, replicaSetRow } from './workloads';
import { configMapRow, cronJobRow, daemonSetRow, jobRow, statefulSetRow } from './more-workloads';
import { serviceRow } from './services';
import { eventRow, namespaceRow, nodeRow } from './cluster';

// One row mapper per kind in the registry; the compiler insists every kind has one.
// The inputs are the API server's JSON; client-node's types describe its shape.
type Mapper<K extends KindName> = (obj: never) => RowByKind[K];

export const ROW_MAPPERS: { [K in KindName]: Mapper<K> } = {
  pods: podRow,
  deployments: deploymentRow,
  replicasets: replicaSetRow,
  statefulsets: statefulSetRow,
  daemonsets: daemonSetRow,
  jobs: jobRow,
  cronjobs: cronJobRow,
  configmaps: configMapRow,
  services: serviceRow,
  nodes: nodeRow,
  namespaces: namespaceRow,
  events: eventRow,
};

/** A registry kind's hand-written row; a discovered kind's row from the Table item its upstream produced. */
export function toRow<K extends KindName>(kind: K, obj: unknown): RowByKind[K];
export function toRow(kind: KindRef, obj: unknown): BaseRow;
export function toRow(kind: KindRef, obj: unknown): BaseRow {
  if (typeof kind !== 'string') return tableRow(obj as TableItem);
  return (ROW_MAPPERS[kind] as unknown as (o: unknown) => BaseRow)(obj);
}

export type { RowByKind } from './types';
