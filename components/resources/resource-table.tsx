'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorPanel } from '@/components/ui/error-panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import type { ApiErrorBody } from '@/lib/k8s/errors';
import type { BaseRow } from '@/lib/k8s/rows/types';
import type { Column, ColumnContext } from './columns';

// The one table. Sorts by any column with a sort key (or lets its owner sort); renders only the rows in view once a
// list is long.

const ROW_HEIGHT = 33;
const VIRTUAL_FROM = 150;

interface Props<R extends BaseRow> {
  label: string;
  rows: R[] | undefined;
  columns: Column<R>[];
  allNamespaces: boolean;
  loading: boolean;
  error?: ApiErrorBody;
  errorAction?: string;
  emptyText: string;
  /** Controlled sorting (e.g. done by the server): the current sort and where changes go. */
  sortState?: SortState;
  onSortChange?: (sort: SortState) => void;
  /** The rows are already in `sortState` order: do not sort them again. */
  presorted?: boolean;
  /** All rows of the list when `rows` is one page of it. */
  total?: number;
  /** When the server rendered `rows` into the page (epoch ms). */
  renderedAt?: number;
}

export interface SortState { id: string; desc: boolean }

function compare(x: string | number, y: string | number): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  const a = String(x);
  const b = String(y);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by a column's key, then by name; keys are computed once per row (30,000 rows sort in tens of ms). */
function sortRows<R extends BaseRow>(rows: R[] | undefined, columns: Column<R>[], sort: SortState): R[] {
  const col = columns.find((c) => c.id === sort.id) ?? columns.find((c) => c.id === 'name');
  if (!rows || !col?.sort) return rows ?? [];
  const key = col.sort;
  const keyed = rows.map((r) => ({ k: key(r), n: r.name, r }));
  keyed.sort((a, b) => compare(a.k, b.k) || compare(a.n, b.n));
  const out = keyed.map((e) => e.r);
  return sort.desc ? out.reverse() : out;
}

/** The clock for ages; starts at `renderedAt` (server-rendered rows) so hydration matches, then runs. */
function useNow(renderedAt?: number): number {
  const [now, setNow] = useState(() => renderedAt ?? Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0); // right after hydration; the server's clock only had to match the markup
    const t = setInterval(tick, 5_000);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, []);
  return now;
}

export function ResourceTable<R extends BaseRow>(props: Props<R>) {
  const { label, rows, columns, allNamespaces, loading, error, errorAction, emptyText, sortState, onSortChange, presorted, total, renderedAt } = props;
  const now = useNow(renderedAt);
  const ctx: ColumnContext = { allNamespaces, now };
  const visible = columns.filter((c) => !c.when || c.when(ctx));
  const [ownSort, setOwnSort] = useState<SortState>({ id: allNamespaces ? 'namespace' : 'name', desc: false });
  const sort = sortState ?? ownSort;
  const changeSort = (id: string) => {
    const next = { id, desc: sort.id === id ? !sort.desc : false };
    if (onSortChange) onSortChange(next);
    else setOwnSort(next);
  };
  const sorted = useMemo(() => (presorted ? rows ?? [] : sortRows(rows, columns, sort)), [rows, columns, sort, presorted]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = sorted.length > VIRTUAL_FROM;
  // TanStack Virtual's documented caveat: the React Compiler skips this component; nothing here is memoized by hand.
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20, enabled: virtual });
  const items = virtual ? v.getVirtualItems() : sorted.map((_, index) => ({ index, start: index * ROW_HEIGHT, key: index }));
  const padTop = virtual && items.length ? items[0].start : 0;
  const padBottom = virtual && items.length ? v.getTotalSize() - items[items.length - 1].start - ROW_HEIGHT : 0;

  return (
    <div className="space-y-2">
      {error && <ErrorPanel error={error} action={errorAction} />}
      <div ref={scroller} className={`overflow-auto rounded border border-zinc-200 dark:border-zinc-800 ${virtual ? 'max-h-[calc(100vh-12rem)]' : ''}`}>
        <table className="w-full border-collapse text-left" aria-label={label} aria-rowcount={total ?? sorted.length}>
          <thead className="sticky top-0 z-10 bg-zinc-100 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              {visible.map((c) => (
                <th key={c.id} data-col={c.id} scope="col" className="px-2 py-2 font-semibold whitespace-nowrap" aria-sort={sort.id === c.id ? (sort.desc ? 'descending' : 'ascending') : undefined}>
                  {c.sort ? (
                    <button type="button" className="hover:underline" onClick={() => changeSort(c.id)}>
                      {c.header}
                    </button>
                  ) : c.header}
                </th>
              ))}
            </tr>
          </thead>
          {loading && !rows ? <SkeletonRows columns={visible.length} /> : (
            <tbody>
              {padTop > 0 && <tr style={{ height: padTop }} aria-hidden="true" />}
              {items.map((it) => {
                const row = sorted[it.index];
                return (
                  <tr key={row.uid} data-row-name={row.name} className="border-t border-zinc-100 hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-900" style={{ height: ROW_HEIGHT }}>
                    {visible.map((c) => (
                      <td key={c.id} data-col={c.id} className={`px-2 py-1.5 ${c.className?.includes('whitespace-') ? '' : 'whitespace-nowrap'} ${c.className ?? ''}`}>{c.cell(row, ctx)}</td>
                    ))}
                  </tr>
                );
              })}
              {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden="true" />}
              {rows && rows.length === 0 && !error && (
                <tr><td colSpan={visible.length} className="px-2 py-8 text-center text-zinc-500">{emptyText}</td></tr>
              )}
            </tbody>
          )}
        </table>
      </div>
    </div>
  );
}
