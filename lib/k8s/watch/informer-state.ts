import type { BaseRow } from '@/lib/k8s/rows/types';
import type { PageInfo } from './list-watch';
import type { RowEncoder, StreamMessage } from './wire';

// What an informer (informer.ts) keeps of its scope, without I/O: the rows, which of them the running listing has
// confirmed, whether the client-visible state is complete, and up to which resourceVersion. informer.ts passes each
// change on to its subscribers; these functions only keep the books. The Map is updated in place (30,000 rows).

export interface RowBook {
  rows: Map<string, BaseRow>;
  /** During a listing: the uids it (or the watch) has confirmed. Rows outside it are gone once the listing ends. */
  seen: Set<string> | null;
  synced: boolean;
  total?: number;
  rv?: string;
}

export const newBook = (): RowBook => ({ rows: new Map(), seen: null, synced: false });

export function relisted(b: RowBook): void {
  b.seen = new Set();
  b.synced = false;
}

/** A page of the listing; returns the uids that the finished listing no longer has (to remove from subscribers). */
export function paged(b: RowBook, rows: BaseRow[], info: PageInfo): string[] {
  for (const r of rows) {
    b.rows.set(r.uid, r);
    b.seen?.add(r.uid);
  }
  if (info.total !== undefined) b.total = info.total;
  if (!info.done) return [];
  const seen = b.seen;
  const gone = seen ? [...b.rows.keys()].filter((uid) => !seen.has(uid)) : [];
  gone.forEach((uid) => b.rows.delete(uid));
  b.seen = null;
  b.synced = true;
  b.rv = info.resourceVersion;
  return gone;
}

export function upserted(b: RowBook, row: BaseRow, resourceVersion?: string): void {
  b.rows.set(row.uid, row);
  b.seen?.add(row.uid);
  if (resourceVersion) b.rv = resourceVersion;
}

export function removed(b: RowBook, uid: string, resourceVersion?: string): void {
  b.rows.delete(uid);
  if (resourceVersion) b.rv = resourceVersion;
}

export function bookmarked(b: RowBook, resourceVersion: string): void {
  b.rv = resourceVersion;
}

/** Where a new owner's upstream starts: resume the watch when the rows are complete, list again otherwise. */
export const resumeFrom = (b: RowBook): string | undefined => (b.synced ? b.rv : undefined);

/** A joiner's own relist from memory: every row, in chunks, with the shared field list first; done only if synced. */
export function replayMessages(b: RowBook, enc: RowEncoder, chunk: number): StreamMessage[] {
  const out: StreamMessage[] = [{ event: 'relist', data: { reason: 'initial' } }];
  const all = [...b.rows.values()];
  const total = b.synced ? all.length : b.total;
  for (let i = 0; i === 0 || i < all.length; i += chunk) {
    const rows = all.slice(i, i + chunk).map((r) => enc.encode(r));
    out.push({ event: 'snapshot', data: { fields: enc.all(), rows, ...(i === 0 && total !== undefined ? { total } : {}), done: false } });
  }
  if (b.synced) out.push({ event: 'snapshot', data: { rows: [], done: true }, id: b.rv });
  return out;
}
