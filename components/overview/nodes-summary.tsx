'use client';

import { COLUMNS, type Column } from '@/components/resources/columns';
import { ResourceTable } from '@/components/resources/resource-table';
import { useResourceList } from '@/components/resources/use-resource-list';
import { ErrorPanel } from '@/components/ui/error-panel';
import type { BaseRow } from '@/lib/k8s/rows/types';

// The node summary: name, Ready, roles, version, capacity and internal IP of every node.

export function NodesSummary() {
  const { rows, error, isLoading } = useResourceList('nodes');
  const ready = rows?.filter((n) => n.status.split(',').includes('Ready')).length;
  return (
    <section aria-labelledby="nodes-title" className="space-y-1.5">
      <div className="flex items-baseline gap-2">
        <h2 id="nodes-title" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">Nodes</h2>
        {rows && <span data-testid="nodes-ready" className="text-xs text-zinc-500">{ready}/{rows.length} Ready</span>}
      </div>
      {error && !rows ? <ErrorPanel error={error} action="cannot list nodes" /> : (
        <ResourceTable
          label="Nodes"
          rows={rows as BaseRow[] | undefined}
          columns={COLUMNS.nodes as Column<BaseRow>[]}
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
