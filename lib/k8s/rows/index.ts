import type { KindName } from '@/lib/k8s/resources';
import type { RowByKind } from './types';
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

export function toRow<K extends KindName>(kind: K, obj: unknown): RowByKind[K] {
  return (ROW_MAPPERS[kind] as (o: unknown) => RowByKind[K])(obj);
}

export type { RowByKind } from './types';
