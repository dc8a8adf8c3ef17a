import 'server-only';
import { ApiError, badRequest } from './errors';
import { listRows, type ListQuery } from './list';
import { canI } from './access';
import { holdSnapshot, snapshotSlice } from './list-snapshot';
import { refName, resourceFor, type KindRef, type TableKind } from './resources';
import { toRow } from './rows';
import type { BaseRow } from './rows/types';
import type { TableColumn } from './table';
import { listAhead } from './list-ahead';
import { prefetch, takePrefetched } from './page-prefetch';
import type { Page } from './watch/events';
import { bulkTableRead } from './watch/upstream';

// One page of a list, for API clients and the benchmark: `?limit=&continue=&sort=&desc=1&q=`.
// In the API server's own order (namespace, then name) without a name filter, a page is one upstream LIST page and
// `continue` is the API server's token: cheap at any size. Any other sort, or a name filter, needs every row:
// the page is cut from a full listing, and `continue` is an offset (each page lists again; the live table instead
// streams all rows once and sorts in the browser — see bench/README.md).
// A bulk first page (limit ≥ BULK) of a Table-backed kind reads up to BULK_ROWS rows at once from the API server's
// watch cache (lib/k8s/watch/upstream.ts), and holds the rest for the walk's continue pages (`s:` tokens, lib/k8s/list-snapshot.ts).

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
/** Page sizes from here on are a walk's (small ones are someone looking, or the table asking for columns). */
const BULK = 1000;

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

/** Which list a snapshot was read for: its kind (group, version, plural) and scope. */
const listKey = (kind: KindRef, scope: ListQuery) => {
  const r = resourceFor(kind);
  return JSON.stringify([r.group, r.version, r.plural, scope.namespace, scope.labelSelector, scope.fieldSelector]);
};

async function bulkFirstPage(token: string, kind: TableKind, scope: ListQuery, limit: number): Promise<RowPage> {
  const p = await bulkTableRead(token, kind, scope);
  const rows = p.items.map((o) => toRow(kind, o));
  const meta = { resourceVersion: p.resourceVersion, ...(p.columns ? { columns: p.columns } : {}) };
  const id = rows.length > limit ? holdSnapshot(token, { list: listKey(kind, scope), rows: rows.slice(limit), ...meta, continue: p.continue }) : undefined;
  return {
    kind: refName(kind), namespace: scope.namespace, rows: rows.slice(0, limit), ...meta,
    total: rows.length + (p.remaining ?? 0), continue: id ? `s:${id}:0` : p.continue && `k:${p.continue}`,
  };
}

async function snapshotPage(token: string, kind: KindRef, scope: ListQuery, page: PageQuery): Promise<RowPage> {
  const m = /^s:([\w-]{16}):(\d{1,9})$/.exec(page.continue ?? '');
  if (!m) throw new ApiError(badRequest('this continue token is malformed'));
  const r = resourceFor(kind);
  const namespace = r.namespaced ? scope.namespace : undefined;
  // The rows were read with the user's rights when the walk began; every page asks again, as the API server would.
  if (!(await canI(token, { verb: 'list', group: r.group, resource: r.plural, namespace })).allowed) {
    throw new ApiError({ status: 403, reason: 'Forbidden', message: `You may no longer list ${r.plural}${namespace ? ` in ${namespace}` : ''}.` });
  }
  const s = snapshotSlice(token, listKey(kind, scope), m[1], Number(m[2]), page.limit);
  if (!s) throw new ApiError({ status: 410, reason: 'Expired', message: 'This walk’s rows are no longer held (a page must follow the last within a minute); list again from the first page.' });
  return {
    kind: refName(kind), namespace: scope.namespace, rows: s.rows, resourceVersion: s.resourceVersion, ...(s.columns ? { columns: s.columns } : {}),
    continue: s.next !== undefined ? `s:${m[1]}:${s.next}` : s.continue && `k:${s.continue}`,
  };
}

export async function listRowPage(token: string, kind: KindRef, scope: ListQuery, page: PageQuery): Promise<RowPage> {
  const name = refName(kind);
  const allNamespaces = resourceFor(kind).namespaced && !scope.namespace;
  if (apiOrder(page.sort, allNamespaces) && !page.desc && !page.q) {
    if (page.continue?.startsWith('s:')) return snapshotPage(token, kind, scope, page);
    if (!page.continue && typeof kind !== 'string' && page.limit >= BULK) return bulkFirstPage(token, kind, scope, page.limit);
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
