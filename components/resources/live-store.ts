import type { ApiErrorBody } from '@/lib/k8s/errors';
import type { BaseRow } from '@/lib/k8s/rows/types';
import { RowDecoder, type DeleteData, type SnapshotData, type SseFrame, type UpsertData } from '@/lib/k8s/watch/wire';

// The browser's copy of one live list: rows by uid, updated by the stream's frames (lib/k8s/watch/wire.ts).
// Renders are throttled: the first rows show at once, later changes at most every THROTTLE_MS.

export type LiveStatus = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'failed';

export interface LiveSnapshot {
  rows?: BaseRow[];
  error?: ApiErrorBody;
  status: LiveStatus;
  /** The API server's count at the start of the listing (absent with selectors), for "n of total" while loading. */
  total?: number;
  /** The first full listing has arrived. */
  synced: boolean;
}

const THROTTLE_MS = 80;
export const IDLE: LiveSnapshot = { status: 'idle', synced: false };

export class LiveStore {
  private readonly rows = new Map<string, BaseRow>();
  private readonly decoder = new RowDecoder();
  private seen: Set<string> | null = null;
  private loaded = false;
  private synced = false;
  private total?: number;
  private status: LiveStatus = 'idle';
  private error?: ApiErrorBody;
  private snapshot: LiveSnapshot = IDLE;
  private dirty = false;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<() => void>();
  /** The resourceVersion the browser's rows are complete up to: a reconnect resumes from here. */
  resumeFrom?: string;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot => {
    if (this.dirty) {
      this.dirty = false;
      const rows = this.loaded ? Array.from(this.rows.values()) : undefined;
      this.snapshot = { rows, error: this.error, status: this.status, total: this.total, synced: this.synced };
    }
    return this.snapshot;
  };

  /** Rows rendered with the page, until the stream delivers its own (its listing's sweep replaces them). */
  seed(rows: BaseRow[], total?: number): void {
    if (this.loaded) return;
    for (const r of rows) this.rows.set(r.uid, r);
    this.loaded = true;
    this.total = total;
    this.dirty = true;
  }

  get currentError(): ApiErrorBody | undefined {
    return this.error;
  }

  /** The stream ended for good (no permission, no session, bad scope): rows this user may no longer see go too. */
  fail(error: ApiErrorBody): void {
    if (error.status === 401 || error.status === 403) {
      this.rows.clear();
      this.loaded = false;
      this.resumeFrom = undefined;
    }
    this.setStatus('failed', error);
  }

  setStatus(status: LiveStatus, error?: ApiErrorBody): void {
    this.status = status;
    this.error = error;
    this.changed(true);
  }

  /** A new connection: its first frame that carries rows also carries the field names again. */
  connected(): void {
    this.decoder.use([]);
    this.setStatus('live');
  }

  /** A new subscription starts (its first frame with rows carries the field names again); rows stay on screen. */
  restart(retry: boolean): void {
    this.decoder.use([]);
    this.setStatus(retry ? 'reconnecting' : 'connecting', this.error);
  }

  /** The server accepted the subscription, or its data flows: live, unless it already failed. */
  accepted(): void {
    if (this.status === 'connecting' || this.status === 'reconnecting') this.setStatus('live');
  }

  apply(frame: SseFrame): void {
    if (frame.event === 'relist') {
      this.seen = new Set();
      this.resumeFrom = undefined;
    } else if (frame.event === 'snapshot') {
      const d = JSON.parse(frame.data) as SnapshotData;
      this.put(d);
      if (d.total !== undefined) this.total = d.total;
      this.loaded = true;
      if (d.done) this.sweep();
    } else if (frame.event === 'upsert') {
      this.put(JSON.parse(frame.data) as UpsertData);
    } else if (frame.event === 'delete') {
      for (const uid of (JSON.parse(frame.data) as DeleteData).uids) this.rows.delete(uid);
    }
    if (frame.id) this.resumeFrom = frame.id;
    this.error = undefined;
    this.changed(!this.snapshot.rows && this.loaded);
  }

  private put(d: UpsertData): void {
    this.decoder.use(d.fields);
    for (const cells of d.rows) {
      const row = this.decoder.decode<BaseRow>(cells);
      this.rows.set(row.uid, row);
      this.seen?.add(row.uid);
    }
  }

  /** The listing is complete: whatever it did not mention is gone. */
  private sweep(): void {
    if (this.seen) for (const uid of this.rows.keys()) if (!this.seen.has(uid)) this.rows.delete(uid);
    this.seen = null;
    this.synced = true;
    this.total = this.rows.size;
  }

  private changed(now: boolean): void {
    this.dirty = true;
    if (now) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.notify();
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.notify();
      }, THROTTLE_MS);
    }
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
