'use client';

import { useMemo } from 'react';
import { useNamespace } from '@/components/layout/use-namespace';
import { MetricsNote } from '@/components/metrics/metrics-note';
import { useListUsage } from '@/components/metrics/use-list-usage';
import { RESOURCES, type KindName } from '@/lib/k8s/resources';
import type { BaseRow } from '@/lib/k8s/rows/types';
import type { InitialRows } from '@/lib/k8s/watch/first-page';
import { COLUMNS, type Column } from './columns';
import { FilterBar } from './filter-bar';
import { LiveIndicator } from './live-indicator';
import { ResourceTable } from './resource-table';
import { useListFilters } from './use-list-filters';
import { useResourceList } from './use-resource-list';

/** A whole list page body for any kind in the registry: filters, the live table, empty and error states. */
export function ResourceList({ kind, initial }: { kind: KindName; initial?: InitialRows }) {
  const r = RESOURCES[kind];
  const [selected] = useNamespace();
  const namespace = r.namespaced ? selected : undefined;
  const filters = useListFilters();
  const seed = initial && initial.namespace === namespace && (initial.labelSelector || '') === filters.labelSelector ? initial : undefined;
  const { rows, error, isLoading, live, total, synced } = useResourceList(kind, { namespace, labelSelector: filters.labelSelector || undefined }, true, seed);
  const usage = useListUsage(kind, { namespace, labelSelector: filters.labelSelector || undefined });
  const columns = useMemo(() => [...(COLUMNS[kind] as Column<BaseRow>[]), ...usage.columns], [kind, usage.columns]);
  const needle = filters.name.trim().toLowerCase();
  const shown = useMemo(() => (needle ? rows?.filter((row) => row.name.toLowerCase().includes(needle)) : rows), [rows, needle]);
  const plural = r.title.toLowerCase();
  const where = r.namespaced ? (namespace ? ` in ${namespace}` : ' in any namespace') : '';
  const narrowed = needle || filters.labelSelector ? ' match the filters' : '';
  return (
    <section className="space-y-3">
      <div className="flex items-baseline gap-3">
        <h1 className="text-lg font-semibold">{r.title}</h1>
        <span className="text-zinc-500">{namespace ? `namespace ${namespace}` : r.namespaced ? 'all namespaces' : 'cluster-scoped'}</span>
        <LiveIndicator status={live} error={error} synced={synced} />
        {shown && <span className="text-zinc-500" data-testid="row-count">{shown.length} shown</span>}
        {rows && !synced && total !== undefined && <span className="text-zinc-500">loading {rows.length.toLocaleString()} of {total.toLocaleString()}</span>}
      </div>
      <FilterBar
        name={filters.name}
        onName={filters.setName}
        labelSelector={filters.labelSelector}
        onLabelSelector={r.namespaced ? filters.setLabelSelector : undefined}
      />
      <MetricsNote error={usage.error} />
      <ResourceTable
        label={r.title}
        rows={shown as BaseRow[] | undefined}
        columns={columns}
        allNamespaces={r.namespaced && !namespace}
        loading={isLoading}
        error={error}
        errorAction={`cannot list ${plural}${where}`}
        emptyText={narrowed ? `No ${plural}${where}${narrowed}` : `No ${plural}${where}`}
        renderedAt={seed?.at}
      />
    </section>
  );
}
