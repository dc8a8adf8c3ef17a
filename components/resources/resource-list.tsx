'use client';

import { useNamespace } from '@/components/layout/use-namespace';
import { RESOURCES, type KindName } from '@/lib/k8s/resources';
import type { BaseRow } from '@/lib/k8s/rows/types';
import { COLUMNS, type Column } from './columns';
import { FilterBar } from './filter-bar';
import { ResourceTable } from './resource-table';
import { useListFilters } from './use-list-filters';
import { useResourceList } from './use-resource-list';

/** A whole list page body for any kind in the registry: filters, the live table, empty and error states. */
export function ResourceList({ kind }: { kind: KindName }) {
  const r = RESOURCES[kind];
  const [selected] = useNamespace();
  const namespace = r.namespaced ? selected : undefined;
  const filters = useListFilters();
  const { rows, error, isLoading } = useResourceList(kind, { namespace, labelSelector: filters.labelSelector || undefined });
  const needle = filters.name.trim().toLowerCase();
  const shown = needle ? rows?.filter((row) => row.name.toLowerCase().includes(needle)) : rows;
  const plural = r.title.toLowerCase();
  const where = r.namespaced ? (namespace ? ` in ${namespace}` : ' in any namespace') : '';
  const narrowed = needle || filters.labelSelector ? ' match the filters' : '';
  return (
    <section className="space-y-3">
      <div className="flex items-baseline gap-3">
        <h1 className="text-lg font-semibold">{r.title}</h1>
        <span className="text-zinc-500">{namespace ? `namespace ${namespace}` : r.namespaced ? 'all namespaces' : 'cluster-scoped'}</span>
        {shown && <span className="text-zinc-500" data-testid="row-count">{shown.length} shown</span>}
      </div>
      <FilterBar
        name={filters.name}
        onName={filters.setName}
        labelSelector={filters.labelSelector}
        onLabelSelector={r.namespaced ? filters.setLabelSelector : undefined}
      />
      <ResourceTable
        label={r.title}
        rows={shown as BaseRow[] | undefined}
        columns={COLUMNS[kind] as Column<BaseRow>[]}
        allNamespaces={r.namespaced && !namespace}
        loading={isLoading}
        error={error}
        errorAction={`cannot list ${plural}${where}`}
        emptyText={narrowed ? `No ${plural}${where}${narrowed}` : `No ${plural}${where}`}
      />
    </section>
  );
}
