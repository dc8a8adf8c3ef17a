import type { BaseRow } from './rows/types';

// Pure: the API server's Table format (meta.k8s.io/v1 Table, asked with TABLE_ACCEPT) → the console's lean rows.
// The server prints each kind the way `kubectl get` does — CRDs' additionalPrinterColumns included — so one path
// lists any kind. With `includeObject=Metadata` every row also carries its object's metadata (uid, namespace,
// resourceVersion, creationTimestamp), which the live list needs. Client-safe: types and pure functions only.

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;q=0.9';
/** Every object's metadata alone (PartialObjectMetadataList), for a Table asked without it. */
export const METADATA_LIST_ACCEPT = 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json;q=0.9';

export interface TableColumn { name: string; type: string; format?: string; description?: string; priority: number }

/** The part of an object's metadata a row uses. */
export interface RowMetadata {
  uid?: string; name?: string; namespace?: string; resourceVersion?: string; creationTimestamp?: string;
  ownerReferences?: { apiVersion?: string; kind: string; name: string; uid?: string; controller?: boolean }[];
}
export interface TableRowIn { cells?: unknown[]; object?: { metadata?: RowMetadata } }
export interface Table {
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions?: TableColumn[];
  rows?: TableRowIn[];
}

/** One row of a Table-backed list: the server's cells, aligned to the Table's columns, plus identity. */
export interface TableRow extends BaseRow {
  cells: unknown[];
  /** The controller owner (links from the list). */
  owner?: { kind: string; name: string };
}

/** The shape list-watch handles (an object with metadata), with the row's cells riding along. */
export interface TableItem { metadata: RowMetadata; cells: unknown[] }

export function tableItems(t: Table): TableItem[] {
  return (t.rows ?? []).map((r) => ({ metadata: r.object?.metadata ?? {}, cells: r.cells ?? [] }));
}

/** A watch event's object is a Table of one row (or, for a bookmark, may carry no row). */
export function tableEventItem(t: Table): TableItem {
  const [item] = tableItems(t);
  return item ?? { metadata: { resourceVersion: t.metadata?.resourceVersion }, cells: [] };
}

export function tableRow(item: TableItem): TableRow {
  const m = item.metadata;
  const ref = (m.ownerReferences ?? []).find((r) => r.controller);
  return {
    uid: m.uid ?? `${m.namespace ?? ''}/${m.name ?? ''}`,
    name: m.name ?? String(item.cells[0] ?? ''),
    ...(m.namespace ? { namespace: m.namespace } : {}),
    created: m.creationTimestamp,
    resourceVersion: m.resourceVersion,
    cells: item.cells,
    ...(ref ? { owner: { kind: ref.kind, name: ref.name } } : {}),
  };
}

/** A PartialObjectMetadataList: every object's metadata, in the API server's order. */
export interface MetadataList { metadata?: Table['metadata']; items?: TableRowIn['object'][] }

/**
 * A Table asked for without its rows' metadata (includeObject=None) joined with the kind's metadata list, as if it had
 * been asked with includeObject=Metadata — or undefined unless they are provably one snapshot: the same
 * resourceVersion, the same count, and each row's first cell (the Name column) the name of the object at its place.
 */
export function joinTableMetadata(table: Table, list: MetadataList): Table | undefined {
  const rows = table.rows ?? [];
  const items = list.items ?? [];
  const rv = table.metadata?.resourceVersion;
  if (!rv || rv !== list.metadata?.resourceVersion || rows.length !== items.length) return undefined;
  if (!rows.every((r, i) => r.cells?.[0] === items[i]?.metadata?.name)) return undefined;
  return { ...table, rows: rows.map((r, i) => ({ cells: r.cells, object: items[i] })) };
}

export const isTableItem = (o: unknown): o is TableItem => !!o && typeof o === 'object' && Array.isArray((o as TableItem).cells);

/** kubectl's header: "Nominated Node" → "NOMINATED NODE". */
export const headerOf = (c: Pick<TableColumn, 'name'>) => c.name.toUpperCase();

/** The columns `kubectl get` shows: priority 0, or every column with `-o wide`. */
export function visibleColumns(columns: TableColumn[], wide: boolean): { column: TableColumn; index: number }[] {
  return columns.map((column, index) => ({ column, index })).filter(({ column }) => wide || column.priority === 0);
}
