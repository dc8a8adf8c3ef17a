import 'server-only';
import { randomBytes } from 'node:crypto';
import type { BaseRow } from './rows/types';
import type { TableColumn } from './table';
import { userKey } from './user-key';

// The rest of a bulk first page of a Table-backed kind, held for the continue pages of the walk that follows it.
// Why: the API server answers a first page from its watch cache at any size, but a continue page only while the kind
// changed in the last ~75 s; after that etcd reads every continue page, at about three times the cost (bench/README.md).
// So a walk of a quiet custom resource costs ~3× one LIST however it is paged, unless the console reads the whole
// collection once, from the cache, and pages it itself. The snapshot is the API server's own consistent answer, read
// with the user's token; each page cut from it is still checked against the user's rights (lib/k8s/list-page.ts).
// Bounded: MAX_PER_USER snapshots per user, MAX_ROWS rows in all (the oldest snapshot goes first), each dropped
// TTL_MS after it was last read and as soon as its last row has been served. A dropped snapshot's token is a 410,
// like an expired continue token of the API server's.

const TTL_MS = 60_000;
const MAX_ROWS = 60_000;
const MAX_PER_USER = 2;

export interface Snapshot {
  /** The kind and scope it was read for: a token only continues the same list. */
  list: string;
  rows: BaseRow[];
  resourceVersion?: string;
  columns?: TableColumn[];
  /** The API server's continue token after the last row held, when the collection was larger than one read. */
  continue?: string;
}
interface Entry extends Snapshot { user: string; timer: NodeJS.Timeout }

const held = new Map<string, Entry>();
const heldRows = () => [...held.values()].reduce((n, e) => n + e.rows.length, 0);

function drop(id: string): void {
  clearTimeout(held.get(id)?.timer);
  held.delete(id);
}

const expireLater = (id: string) => {
  const timer = setTimeout(() => drop(id), TTL_MS);
  timer.unref();
  return timer;
};

/** Holds `snapshot` for this user; returns the id its continue tokens name. */
export function holdSnapshot(token: string, snapshot: Snapshot): string {
  const user = userKey(token);
  const mine = [...held].filter(([, e]) => e.user === user).map(([id]) => id);
  // Map order is insertion order: the oldest first.
  for (const id of mine.slice(0, Math.max(0, mine.length - MAX_PER_USER + 1))) drop(id);
  while (held.size && heldRows() + snapshot.rows.length > MAX_ROWS) drop(held.keys().next().value!);
  const id = randomBytes(12).toString('base64url');
  held.set(id, { ...snapshot, user, timer: expireLater(id) });
  return id;
}

export interface SnapshotSlice extends Omit<Snapshot, 'rows' | 'list'> {
  rows: BaseRow[];
  /** The offset of the next slice, or undefined when this slice ends the snapshot. */
  next?: number;
}

/**
 * `limit` rows from `offset` of a snapshot this user holds for `list`, or undefined if there is none (expired,
 * dropped, another user's or another list's). The last slice drops the snapshot.
 */
export function snapshotSlice(token: string, list: string, id: string, offset: number, limit: number): SnapshotSlice | undefined {
  const e = held.get(id);
  if (!e || e.user !== userKey(token) || e.list !== list || offset > e.rows.length) return undefined;
  clearTimeout(e.timer);
  const end = offset + limit;
  const last = end >= e.rows.length;
  if (last) held.delete(id);
  else e.timer = expireLater(id);
  return {
    rows: e.rows.slice(offset, end), resourceVersion: e.resourceVersion, columns: e.columns,
    continue: e.continue, next: last ? undefined : end,
  };
}
