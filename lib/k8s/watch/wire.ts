import type { ApiErrorBody } from '@/lib/k8s/errors';

// One live list's stream from the console server to the browser, in Server-Sent Events syntax. It travels as one
// subscription of the browser's single live connection (mux-wire.ts, GET/POST /api/live), each list isolated by
// its subscription id. Client-safe: both ends import this file.
//
//   event: relist     {reason}                          a (re)listing starts; rows stay on screen until it is done
//   event: snapshot   {fields?, rows, total?, done}     one page of the listing; `done` ends it: rows not seen since
//                                                        `relist` are gone. The `id:` of the done page is the
//                                                        resourceVersion to resume from.
//   event: upsert     {fields?, rows}                   objects added or changed (batched)
//   event: delete     {uids}                            objects deleted (batched)
//   event: bookmark   {}                                nothing changed; `id:` moves on
//   event: error      {error, retry}                    the stream ends; retry=false means do not reconnect
//   ": ka"                                              keep-alive comment every 15 s
//
// Rows travel as arrays aligned to `fields` (the row keys, in the order first seen on this stream; a message
// carries `fields` whenever the list grew). Trailing empty cells are dropped; null means "absent".

export type WireRow = unknown[];

export type RelistReason = 'initial' | 'expired';
export interface RelistData { reason: RelistReason }
export interface SnapshotData { fields?: string[]; rows: WireRow[]; total?: number; done: boolean }
export interface UpsertData { fields?: string[]; rows: WireRow[] }
export interface DeleteData { uids: string[] }
export interface ErrorData { error: ApiErrorBody; retry: boolean }

export type StreamMessage =
  | { event: 'relist'; data: RelistData; id?: string }
  | { event: 'snapshot'; data: SnapshotData; id?: string }
  | { event: 'upsert'; data: UpsertData; id?: string }
  | { event: 'delete'; data: DeleteData; id?: string }
  | { event: 'bookmark'; data: Record<string, never>; id?: string }
  | { event: 'error'; data: ErrorData; id?: string };

export const STREAM_EVENTS = ['relist', 'snapshot', 'upsert', 'delete', 'bookmark', 'error'] as const;

/** One SSE frame. JSON.stringify never emits a raw newline, so `data` is always one line. */
export function formatFrame(m: StreamMessage): string {
  return `event: ${m.event}\n${m.id ? `id: ${m.id}\n` : ''}data: ${JSON.stringify(m.data)}\n\n`;
}

/** Encodes rows as arrays; `take()` returns the new field list when it grew since the last call. */
export class RowEncoder {
  private readonly fields: string[] = [];
  private readonly index = new Map<string, number>();
  private sent = 0;

  encode(row: object): WireRow {
    const out: unknown[] = [];
    for (const [k, v] of Object.entries(row)) {
      if (v === undefined) continue;
      let i = this.index.get(k);
      if (i === undefined) {
        i = this.fields.push(k) - 1;
        this.index.set(k, i);
      }
      out[i] = v;
    }
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    return out;
  }

  /** Every field so far (for a stream that joins late). */
  all(): string[] {
    return [...this.fields];
  }

  take(): string[] | undefined {
    if (this.fields.length === this.sent) return undefined;
    this.sent = this.fields.length;
    return [...this.fields];
  }
}

export class RowDecoder {
  private fields: string[] = [];

  use(fields: string[] | undefined): void {
    if (fields) this.fields = fields;
  }

  decode<R>(cells: WireRow): R {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < cells.length; i++) if (cells[i] !== null) row[this.fields[i]] = cells[i];
    return row as R;
  }
}

export interface SseFrame { event: string; data: string; id?: string }

/** Incremental SSE parser for the frames formatFrame writes (LF line ends): event, id, data lines, comments. */
export class SseParser {
  private buffer = '';

  push(text: string): SseFrame[] {
    this.buffer += text;
    const frames: SseFrame[] = [];
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const frame: SseFrame = { event: 'message', data: '' };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (!line || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') frame.event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') frame.id = value;
      }
      if (!data.length) continue;
      frame.data = data.join('\n');
      frames.push(frame);
    }
    return frames;
  }
}
