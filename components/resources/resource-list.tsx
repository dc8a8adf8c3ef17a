'use client';

import { useMemo } from 'react';
import { CreateButton } from '@/components/actions/create-button';
import useSWR from 'swr';
import { useNamespace } from '@/components/layout/use-namespace';
import { fetchJson } from '@/lib/client/fetch-json';
import { hasOwnColumns, isKindName, refName, resourceFor, type KindName, type KindRef } from '@/lib/k8s/resources';
import { MetricsNote } from '@/components/metrics/metrics-note';
import { useListUsage } from '@/components/metrics/use-list-usage';
import type { BaseRow } from '@/lib/k8s/rows/types';
import type { TableColumn } from '@/lib/k8s/table';
import type { InitialRows } from '@/lib/k8s/watch/first-page';
import { COLUMNS, type Column } from './columns';
import { FilterBar } from './filter-bar';
import { LiveIndicator } from './live-indicator';
import { ResourceTable } from './resource-table';
import { tableColumns } from './table-columns';
import { useListFilters } from './use-list-filters';
import { useResourceList } from './use-resource-list';

/**
 * A whole list page body for any kind: filters, the live table, empty and error states. Registry kinds bring their
 * own columns (components/resources/columns.tsx); any other kind shows the API server's Table columns.
 */
interface Props {
  /** What the list streams: a registry kind's hand-written rows, or a discovered kind's Table rows. */
  kind: KindRef;
  /** The page's URL name (links, create, tests); a registry kind may list through the Table under another name. */
  page: string;
  title: string;
  namespaced: boolean;
  initial?: InitialRows;
  /** Discovery lists a scale subresource for the kind: its rows get the scale control. */
  scalable?: boolean;
}

export function ResourceList({ kind, page, title, namespaced, initial, scalable }: Props) {
  const name = refName(kind);
  const [selected] = useNamespace();
  const namespace = namespaced ? selected : undefined;
  const filters = useListFilters();
  const seed = initial && initial.namespace === namespace && (initial.labelSelector || '') === filters.labelSelector ? initial : undefined;
  // The hook takes any URL name the list routes accept (they validate it against discovery).
  const { rows, error, isLoading, live, total, synced } = useResourceList(name as KindName, { namespace, labelSelector: filters.labelSelector || undefined }, true, seed);
  const tableCols = useTableColumns(kind, initial?.columns);
  // Usage columns (metrics.k8s.io) exist for pods and nodes only; other kinds get none.
  const usage = useListUsage(name as KindName, { namespace, labelSelector: filters.labelSelector || undefined });
  const columns = useMemo(
    () => (hasOwnColumns(kind) ? [...(COLUMNS[kind] as Column<BaseRow>[]), ...usage.columns] : (tableColumns(page, tableCols ?? [], filters.wide, scalable ? resourceFor(kind) : undefined) as Column<BaseRow>[])),
    [kind, page, tableCols, filters.wide, usage.columns, scalable],
  );
  const needle = filters.name.trim().toLowerCase();
  const shown = useMemo(() => (needle ? (rows as BaseRow[] | undefined)?.filter((row) => row.name.toLowerCase().includes(needle)) : (rows as BaseRow[] | undefined)), [rows, needle]);
  const plural = title.toLowerCase();
  const where = namespaced ? (namespace ? ` in ${namespace}` : ' in any namespace') : '';
  const narrowed = needle || filters.labelSelector ? ' match the filters' : '';
  const hasWide = typeof kind !== 'string' && (tableCols ?? []).some((c) => c.priority > 0);
  return (
    <section className="space-y-3" data-kind={page}>
      <div className="flex items-baseline gap-3">
        <h1 className="text-lg font-semibold">{title}</h1>
        <span className="text-zinc-500">{namespace ? `namespace ${namespace}` : namespaced ? 'all namespaces' : 'cluster-scoped'}</span>
        <LiveIndicator status={live} error={error} synced={synced} />
        {shown && <span className="text-zinc-500" data-testid="row-count">{shown.length} shown</span>}
        {rows && !synced && total !== undefined && <span className="text-zinc-500">loading {rows.length.toLocaleString()} of {total.toLocaleString()}</span>}
        {isKindName(page) && <span className="ml-auto"><CreateButton kind={page} namespace={namespace} /></span>}
      </div>
      <FilterBar
        name={filters.name}
        onName={filters.setName}
        labelSelector={filters.labelSelector}
        onLabelSelector={namespaced || typeof kind !== 'string' ? filters.setLabelSelector : undefined}
        wide={hasWide ? filters.wide : undefined}
        onWide={hasWide ? filters.setWide : undefined}
      />
      <MetricsNote error={usage.error} />
      <ResourceTable
        label={title}
        rows={shown}
        columns={columns}
        allNamespaces={namespaced && !namespace}
        loading={isLoading || (typeof kind !== 'string' && !tableCols)}
        error={error}
        errorAction={`cannot list ${plural}${where}`}
        emptyText={narrowed ? `No ${plural}${where}${narrowed}` : `No ${plural}${where}`}
        renderedAt={seed?.at}
      />
    </section>
  );
}

/** A Table kind's columns: from the server-rendered first page, or else asked once (`limit=1`). */
function useTableColumns(kind: KindRef, fromPage: TableColumn[] | undefined): TableColumn[] | undefined {
  const url = typeof kind === 'string' || fromPage ? null : `/api/k8s/${encodeURIComponent(kind.name)}?limit=1`;
  const { data } = useSWR<{ columns?: TableColumn[] }>(url, (u: string) => fetchJson<{ columns?: TableColumn[] }>(u), { revalidateOnFocus: false });
  return fromPage ?? data?.columns;
}

