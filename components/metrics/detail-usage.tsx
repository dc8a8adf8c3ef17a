'use client';

import type { ObjectDetail } from '@/lib/k8s/detail-types';
import { ContainerUsage } from './container-usage';
import { WORKLOAD_KINDS, WorkloadUsage } from './workload-usage';

/** The usage block of a detail page: per container for a pod, summed over the pods for a workload, else nothing. */
export function DetailUsage({ detail }: { detail: ObjectDetail }) {
  const ns = detail.namespace;
  if (!ns) return null;
  if (detail.kindName === 'pods') return <ContainerUsage namespace={ns} pod={detail.name} containers={detail.containers} />;
  if (!WORKLOAD_KINDS.has(detail.kindName) || !detail.pods || !('items' in detail.pods)) return null;
  const selector = detail.fields.find(([k]) => k === 'Selector')?.[1];
  return <WorkloadUsage namespace={ns} selector={selector && selector !== '<none>' ? selector : undefined} pods={detail.pods.items} />;
}
