import type { ApiErrorBody } from '@/lib/k8s/errors';
import type { BaseRow } from '@/lib/k8s/rows/types';
import type { LiveSink, PageInfo } from './list-watch';
import { formatFrame, RowEncoder, type RelistReason, type StreamMessage } from './wire';

// Turns list-watch output into SSE frames. Watch events are batched for a few milliseconds (one write, one
// compressed flush, one render in the browser); the last state of each object in a batch wins.

export interface FrameWriter {
  write(text: string): void;
  /** Resolves once the client has taken what was written (backpressure for long listings). */
  ready(): Promise<void>;
}

export class SseSink implements LiveSink {
  private pending = new Map<string, BaseRow | null>();
  private pendingRv?: string;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly out: FrameWriter, private readonly batchMs = 25, readonly encoder = new RowEncoder()) {}

  relist(reason: RelistReason): void {
    this.send({ event: 'relist', data: { reason } });
  }

  /** Writes the page at once; the promise says when the client has taken it (callers may ignore it). */
  page(rows: BaseRow[], info: PageInfo): Promise<void> {
    const cells = rows.map((r) => this.encoder.encode(r));
    const fields = this.encoder.take();
    const data = { ...(fields ? { fields } : {}), rows: cells, ...(info.total !== undefined ? { total: info.total } : {}), done: info.done };
    this.send({ event: 'snapshot', data, id: info.done ? info.resourceVersion : undefined });
    return this.out.ready();
  }

  upsert(row: BaseRow, resourceVersion?: string): void {
    this.queue(row.uid, row, resourceVersion);
  }

  remove(uid: string, resourceVersion?: string): void {
    this.queue(uid, null, resourceVersion);
  }

  bookmark(resourceVersion: string): void {
    if (this.pending.size) this.pendingRv = resourceVersion;
    else this.send({ event: 'bookmark', data: {}, id: resourceVersion });
  }

  error(error: ApiErrorBody, retry: boolean): void {
    this.send({ event: 'error', data: { error, retry } });
  }

  /** Writes the pending batch now: an upsert frame and a delete frame, the last one carrying the resume id. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.size) return;
    const ups: BaseRow[] = [];
    const dels: string[] = [];
    for (const [uid, row] of this.pending) {
      if (row) ups.push(row);
      else dels.push(uid);
    }
    const id = this.pendingRv;
    this.pending = new Map();
    this.pendingRv = undefined;
    const frames: StreamMessage[] = [];
    if (ups.length) {
      const rows = ups.map((r) => this.encoder.encode(r));
      const fields = this.encoder.take();
      frames.push({ event: 'upsert', data: fields ? { fields, rows } : { rows } });
    }
    if (dels.length) frames.push({ event: 'delete', data: { uids: dels } });
    frames[frames.length - 1].id = id;
    this.out.write(frames.map(formatFrame).join(''));
  }

  close(): void {
    this.flush();
  }

  private queue(uid: string, row: BaseRow | null, resourceVersion?: string): void {
    this.pending.set(uid, row);
    this.pendingRv = resourceVersion;
    this.timer ??= setTimeout(() => this.flush(), this.batchMs);
  }

  private send(m: StreamMessage): void {
    this.flush();
    this.out.write(formatFrame(m));
  }
}
