import Link from 'next/link';
import { RowScale } from '@/components/actions/row-scale';
import type { KindDescriptor } from '@/lib/k8s/actions/catalog';
import { formatAge } from '@/lib/format';
import { headerOf, visibleColumns, type TableColumn, type TableRow } from '@/lib/k8s/table';
import type { Column } from './columns';

// Columns for any kind listed through the API server's Table format: the server's own columnDefinitions (kubectl's
// headers; priority > 0 only with "wide"), a NAMESPACE column across all namespaces, the name linking to the
// generic detail page. Ages are computed here from the object's timestamps so they keep counting while live.

const LINK = 'text-sky-700 hover:underline dark:text-sky-400';

function text(v: unknown): string {
  // kubectl prints an absent cell as nothing.
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function sortKey(v: unknown): string | number {
  if (typeof v === 'number') return v;
  const s = text(v);
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
}

export function objectHref(kindName: string, row: Pick<TableRow, 'name' | 'namespace'>): string {
  return `/${kindName}/${row.namespace ? encodeURIComponent(row.namespace) : '-'}/${encodeURIComponent(row.name)}`;
}

/** `scale`: the kind has a scale subresource, so each row gets the scale control (opened on demand). */
export function tableColumns(kindName: string, columns: TableColumn[], wide: boolean, scale?: Pick<KindDescriptor, 'kind' | 'group' | 'plural' | 'namespaced'>): Column<TableRow>[] {
  const out: Column<TableRow>[] = [
    { id: 'namespace', header: 'NAMESPACE', sort: (r) => r.namespace ?? '', cell: (r) => r.namespace, when: (c) => c.allNamespaces },
  ];
  for (const { column, index } of visibleColumns(columns, wide)) {
    const id = `c${index}`;
    if (column.format === 'name') {
      out.push({ id: 'name', header: headerOf(column), sort: (r) => r.name, className: 'font-medium', cell: (r) => <Link prefetch={false} className={LINK} href={objectHref(kindName, r)}>{r.name}</Link> });
    } else if (column.name === 'Age') {
      out.push({ id: 'age', header: 'AGE', sort: (r) => -Date.parse(r.created ?? '0'), cell: (r, c) => <time dateTime={r.created}>{formatAge(r.created, c.now)}</time> });
    } else {
      // Other cells as the server printed them (dates too: kubectl shows CRD dates as ages, built-ins as timestamps).
      out.push({ id, header: headerOf(column), sort: (r) => sortKey(r.cells[index]), cell: (r) => text(r.cells[index]), className: column.priority > 0 ? 'font-mono text-xs' : undefined });
    }
  }
  if (scale) out.push({ id: 'scale', header: 'SCALE', cell: (r) => <RowScale kindName={kindName} r={scale} namespace={r.namespace} name={r.name} /> });
  return out;
}
