'use client';

import { useMemo } from 'react';
import { ClusterUsage } from '@/components/metrics/cluster-usage';
import { MetricsNote } from '@/components/metrics/metrics-note';
import { useListUsage } from '@/components/metrics/use-list-usage';
import { metricsUrl, useUsage } from '@/components/metrics/use-usage';
import type { NodeUsageSet } from '@/lib/k8s/metrics/types';
import { COLUMNS, type Column } from '@/components/resources/columns';
import { ResourceTable } from '@/components/resources/resource-table';
import { useResourceList } from '@/components/resources/use-resource-list';
import { ErrorPanel } from '@/components/ui/error-panel';
import type { BaseRow } from '@/lib/k8s/rows/types';

// The node summary: name, Ready, roles, version, capacity and internal IP of every node, with usage (metrics) and the
// cluster total when the Metrics API answers.

export function NodesSummary() {
  const { rows, error, isLoading } = useResourceList('nodes');
  const usage = useListUsage('nodes', {});
  const nodeUsage = useUsage<NodeUsageSet>(metricsUrl('nodes', { pods: '1' })).data;
  const columns = useMemo(() => [...(COLUMNS.nodes as Column<BaseRow>[]), ...usage.columns], [usage.columns]);
  const ready = rows?.filter((n) => n.status.split(',').includes('Ready')).length;
  return (
    <section aria-labelledby="nodes-title" className="space-y-1.5">
      <div className="flex items-baseline gap-2">
        <h2 id="nodes-title" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">Nodes</h2>
        {rows && <span data-testid="nodes-ready" className="text-xs text-zinc-500">{ready}/{rows.length} Ready</span>}
      </div>
      {rows && nodeUsage ? <ClusterUsage nodes={rows} usage={nodeUsage} /> : <MetricsNote error={usage.error} />}
      {error && !rows ? <ErrorPanel error={error} action="cannot list nodes" /> : (
        <ResourceTable
          label="Nodes"
          rows={rows as BaseRow[] | undefined}
          columns={columns}
          allNamespaces={false}
          loading={isLoading}
          error={error}
          errorAction="cannot list nodes"
          emptyText="No nodes"
        />
      )}
    </section>
  );
}
