'use client';

import { useMemo } from 'react';
import type { Column } from '@/components/resources/columns';
import type { ApiErrorBody } from '@/lib/k8s/errors';
import type { NodeUsageSet, PodUsageSet } from '@/lib/k8s/metrics/types';
import type { KindName } from '@/lib/k8s/resources';
import type { BaseRow } from '@/lib/k8s/rows/types';
import { nodeUsageColumns, podUsageColumns } from './usage-columns';
import { metricsUrl, useUsage } from './use-usage';

// Usage columns for a list, as data next to the kind's own columns: pods and nodes have them, other kinds none.
// When metrics are unavailable the columns are absent and `error` says why.

export interface ListUsage { columns: Column<BaseRow>[]; error?: ApiErrorBody }

const NONE: ListUsage = { columns: [] };

export function useListUsage(kind: KindName, scope: { namespace?: string; labelSelector?: string }): ListUsage {
  const podsUrl = kind === 'pods' ? metricsUrl('pods', scope) : null;
  const nodesUrl = kind === 'nodes' ? metricsUrl('nodes', { pods: '1' }) : null;
  const pods = useUsage<PodUsageSet>(podsUrl);
  const nodes = useUsage<NodeUsageSet>(nodesUrl);
  return useMemo(() => {
    if (kind === 'pods') {
      return pods.data ? { columns: podUsageColumns(pods.data) as Column<BaseRow>[] } : { columns: [], error: pods.error };
    }
    if (kind === 'nodes') {
      return nodes.data ? { columns: nodeUsageColumns(nodes.data) as Column<BaseRow>[] } : { columns: [], error: nodes.error };
    }
    return NONE;
  }, [kind, pods.data, pods.error, nodes.data, nodes.error]);
}
