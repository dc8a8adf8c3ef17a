import 'server-only';
import { ApiError, badRequest } from './errors';
import { listRows, type ListQuery } from './list';
import { refName, resourceFor, type KindRef } from './resources';
import { toRow } from './rows';
import type { BaseRow } from './rows/types';
import type { TableColumn } from './table';
import { listAhead } from './list-ahead';
import { prefetch, takePrefetched } from './page-prefetch';
import type { Page } from './watch/events';

// One page of a list, for API clients and the benchmark: `?limit=&continue=&sort=&desc=1&q=`.
// In the API server's own order (namespace, then name) without a name filter, a page is one upstream LIST page and
// `continue` is the API server's token: cheap at any size. Any other sort, or a name filter, needs every row:
// the page is cut from a full listing, and `continue` is an offset (each page lists again; the live table instead
// streams all rows once and sorts in the browser — see bench/README.md).

export interface PageQuery { limit: number; continue?: string; sort?: string; desc: boolean; q?: string }
export interface RowPage {
  kind: string;
  namespace?: string;
  rows: BaseRow[];
  /** A Table-backed kind's columns (lib/k8s/table.ts). */
  columns?: TableColumn[];
  resourceVersion?: string;
  continue?: string;
  /** All rows matching, when known (the API server omits it with selectors). */
  total?: number;
}

export const MAX_PAGE = 5000;
/**
 * Upstream LIST requests per page: as few as memory allows. A continue page is served from the watch cache only
 * while the kind changed in the last ~75 s (the cache's snapshot history); otherwise etcd reads it, and there every
 * request costs about as much again (10,000 custom resources, pages of 5,000: one request per page walked in 1.8 s,
 * five in 2.7 s; ~0.9 s either way from the cache — bench/README.md). Table rows are small (~1 KB), so a Table-backed
 * page is one request; registry kinds decode whole objects (a pod is ~4 KB of JSON, several times that once parsed),
 * so they stay in pieces of 1,000 and a page of 5,000 pods never sits in memory at once.
 */
const chunkFor = (kind: KindRef) => (typeof kind === 'string' ? 1000 : MAX_PAGE);

export function pageQueryParams(q: URLSearchParams): PageQuery | undefined {
  const raw = q.get('limit');
  if (raw === null) return undefined;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new ApiError(badRequest(`limit must be an integer from 1 to ${MAX_PAGE}`));
  const sort = q.get('sort') || undefined;
  if (sort && !/^[A-Za-z]{1,40}$/.test(sort)) throw new ApiError(badRequest('sort must be a column name'));
  const cont = q.get('continue') || undefined;
  if (cont && cont.length > 4096) throw new ApiError(badRequest('continue token is too long'));
  const needle = (q.get('q') ?? '').trim().toLowerCase();
  if (needle.length > 253) throw new ApiError(badRequest('name filter is too long'));
  return { limit, continue: cont, sort, desc: q.get('desc') === '1', q: needle || undefined };
}

/** The API server's order: by namespace, then name. */
function apiOrder(sort: string | undefined, allNamespaces: boolean): boolean {
  return !sort || sort === 'namespace' || (sort === 'name' && !allNamespaces);
}

function compare(x: unknown, y: unknown): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  const a = String(x ?? '');
  const b = String(y ?? '');
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Upstream { rows: BaseRow[]; first?: Omit<Page, 'items'> & { items: { length: number } }; continue?: string }

/** Up to `limit` rows in the API server's order (lib/k8s/list-ahead.ts), mapped to rows as each page is decoded. */
async function upstreamRows(token: string, kind: KindRef, scope: ListQuery, limit: number, cont?: string, signal?: AbortSignal): Promise<Upstream> {
  const rows: BaseRow[] = [];
  let first: Upstream['first'];
  const next = await listAhead(token, kind, scope, { limit, chunk: chunkFor(kind), continue: cont, signal }, (p) => {
    // Only the first page's metadata is kept, not its decoded objects.
    first ??= { ...p, items: { length: p.items.length } };
    for (const o of p.items) rows.push(toRow(kind, o));
  });
  return { rows, first, continue: next };
}

export async function listRowPage(token: string, kind: KindRef, scope: ListQuery, page: PageQuery): Promise<RowPage> {
  const name = refName(kind);
  const allNamespaces = resourceFor(kind).namespaced && !scope.namespace;
  if (apiOrder(page.sort, allNamespaces) && !page.desc && !page.q) {
    if (page.continue && !page.continue.startsWith('k:')) throw new ApiError(badRequest('this continue token belongs to another sort or filter'));
    const cont = page.continue?.slice(2);
    const request = { kind: name, scope, limit: page.limit };
    const p = await (cont && takePrefetched<Upstream>(token, { ...request, cont }) || upstreamRows(token, kind, scope, page.limit, cont));
    // A client that sent a continue token is walking: its next page is asked for now (lib/k8s/page-prefetch.ts).
    if (cont && p.continue) prefetch(token, { ...request, cont: p.continue }, (signal) => upstreamRows(token, kind, scope, page.limit, p.continue, signal));
    const total = !cont && p.first?.remaining !== undefined ? p.first.items.length + p.first.remaining : undefined;
    return {
      kind: name, namespace: scope.namespace, rows: p.rows, resourceVersion: p.first?.resourceVersion,
      continue: p.continue && `k:${p.continue}`, total, ...(p.first?.columns ? { columns: p.first.columns } : {}),
    };
  }
  const offset = page.continue ? Number(page.continue.slice(2)) : 0;
  if (page.continue && (!page.continue.startsWith('o:') || !Number.isInteger(offset) || offset < 0)) {
    throw new ApiError(badRequest('this continue token belongs to another sort or filter'));
  }
  const all = await listRows(token, kind, scope);
  let rows = page.q ? all.rows.filter((r) => r.name.toLowerCase().includes(page.q!)) : all.rows;
  const field = page.sort === 'age' ? 'created' : page.sort ?? 'name';
  if (rows.length && !(field in rows[0]) && field !== 'namespace') throw new ApiError(badRequest(`cannot sort ${name} by "${page.sort}"`));
  const key = (r: BaseRow) => (r as unknown as Record<string, unknown>)[field];
  rows = [...rows].sort((a, b) => compare(key(a), key(b)) || compare(a.namespace, b.namespace) || compare(a.name, b.name));
  // AGE ascending is newest first, like the table.
  if (page.desc !== (page.sort === 'age')) rows.reverse();
  const end = offset + page.limit;
  return {
    kind: name, namespace: scope.namespace, rows: rows.slice(offset, end), resourceVersion: all.resourceVersion, ...(all.columns ? { columns: all.columns } : {}),
    continue: end < rows.length ? `o:${end}` : undefined, total: rows.length,
  };
}
