import 'server-only';
import { kubeRequest } from './client';
import { apiPath, resourceFor, type KindName, type KindRef } from './resources';
import { toRow, type RowByKind } from './rows';
import type { BaseRow } from './rows/types';
import type { TableColumn } from './table';
import { listAhead } from './list-ahead';

// Lists one kind as lean rows, paging through the API server's `continue` tokens so no single answer is huge.
// Registry kinds get their hand-written rows; any other kind the server's Table rows (and its columns).

export interface ListQuery { namespace?: string; labelSelector?: string; fieldSelector?: string }
export interface RowList<K extends KindName> { kind: K; namespace?: string; rows: RowByKind[K][]; resourceVersion?: string }
export interface AnyRowList { kind: string; namespace?: string; rows: BaseRow[]; resourceVersion?: string; columns?: TableColumn[] }

const PAGE = 500;

export async function listRows<K extends KindName>(token: string, kind: K, q?: ListQuery): Promise<RowList<K>>;
export async function listRows(token: string, kind: KindRef, q?: ListQuery): Promise<AnyRowList>;
export async function listRows(token: string, kind: KindRef, q: ListQuery = {}): Promise<AnyRowList> {
  const r = resourceFor(kind);
  const scope = { ...q, namespace: r.namespaced ? q.namespace : undefined };
  const rows: BaseRow[] = [];
  let resourceVersion: string | undefined;
  let columns: TableColumn[] | undefined;
  // Every page, the next one asked for while this one arrives (lib/k8s/list-ahead.ts).
  await listAhead(token, kind, scope, { limit: Infinity, chunk: PAGE }, (page) => {
    for (const item of page.items) rows.push(toRow(kind, item));
    resourceVersion ??= page.resourceVersion;
    columns ??= page.columns;
  });
  return { kind: typeof kind === 'string' ? kind : kind.name, namespace: q.namespace, rows, resourceVersion, ...(columns ? { columns } : {}) };
}

export async function getObject<T>(token: string, kind: KindRef, namespace: string | undefined, name: string): Promise<T> {
  const r = resourceFor(kind);
  const res = await kubeRequest<T>(token, { path: apiPath(r, { namespace, name }) });
  return res.body;
}

interface ObjectList { items?: unknown[]; metadata?: { remainingItemCount?: number } }

/** How many objects of a kind there are, from one `limit=1` page and the API server's remainingItemCount. */
export async function countObjects(token: string, kind: KindRef, namespace?: string): Promise<number> {
  const r = resourceFor(kind);
  const res = await kubeRequest<ObjectList>(token, {
    path: apiPath(r, { namespace: r.namespaced ? namespace : undefined }),
    query: { limit: 1 },
  });
  return (res.body.items?.length ?? 0) + (res.body.metadata?.remainingItemCount ?? 0);
}
