import type { ApiErrorBody } from '@/lib/k8s/errors';

// The one live connection of a browser (GET /api/live), carrying every live list and followed log of all its tabs.
// Client-safe: both ends import this file.
//
// The response is a sequence of frames, each `<sub> <byteLength>\n` followed by exactly that many bytes:
//   - a list subscription's bytes are the per-list Server-Sent Events of wire.ts, unchanged (relist, snapshot,
//     upsert, delete, bookmark, error) — a shared watch encodes a change once and every subscriber gets the same
//     bytes behind its own header;
//   - a log subscription's bytes are the log text as the API server sends it;
//   - sub `_` is the connection itself: one JSON Control message per frame.
// Subscribing and unsubscribing are separate short POSTs to /api/live naming the connection (LiveRequest), so the
// stream never waits behind a request and a request never waits behind the stream.

export const CONTROL_SUB = '_';
/** `<tab>.<n>`: the tab part lets the leader tab unsubscribe everything of a tab that closed. */
export const SUB_ID = /^[A-Za-z0-9_-]{1,32}\.[0-9]{1,9}$/;
export const TAB_ID = /^[A-Za-z0-9_-]{1,32}$/;

export type Control =
  /** The first frame: the id that POSTs name. */
  | { t: 'hello'; conn: string }
  /** Keep-alive, every 15 s. */
  | { t: 'ka' }
  /** A log subscription ended (the log closed, or an error). Lists end with wire.ts's `error` event instead. */
  | { t: 'end'; sub: string; error?: ApiErrorBody }
  /** The connection ends: the session expired or signed out (retry false), or the browser fell behind. */
  | { t: 'close'; error: ApiErrorBody; retry: boolean };

export interface ListSpec { type: 'list'; kind: string; namespace?: string; labelSelector?: string; fieldSelector?: string; resourceVersion?: string; private?: boolean }
export interface LogSpec { type: 'logs'; kind: string; namespace: string; name: string; container?: string; tailLines?: number; previous?: boolean; timestamps?: boolean }
export type LiveSpec = ListSpec | LogSpec;

/** POST /api/live. */
export interface LiveRequest {
  conn: string;
  subscribe?: { id: string; spec: LiveSpec }[];
  unsubscribe?: string[];
  /** Every subscription of this tab (it closed). */
  dropTab?: string;
}

export interface MuxFrame { sub: string; payload: Uint8Array }

const utf8 = new TextEncoder();

/** One frame as bytes: header and payload in one chunk (one write, one compressed flush). */
export function encodeFrame(sub: string, payload: Uint8Array): Uint8Array {
  const header = utf8.encode(`${sub} ${payload.byteLength}\n`);
  const out = new Uint8Array(header.byteLength + payload.byteLength);
  out.set(header, 0);
  out.set(payload, header.byteLength);
  return out;
}

export function encodeControl(c: Control): Uint8Array {
  return encodeFrame(CONTROL_SUB, utf8.encode(JSON.stringify(c)));
}

const NEWLINE = 10;
const MAX_HEADER = 64;

/** Incremental parser of the frames above; throws on a malformed header (the connection is then dropped). */
export class MuxParser {
  private buffer: Uint8Array = new Uint8Array(0);
  private readonly ascii = new TextDecoder();

  push(chunk: Uint8Array): MuxFrame[] {
    this.buffer = this.buffer.byteLength ? concat(this.buffer, chunk) : chunk;
    const frames: MuxFrame[] = [];
    let at = 0;
    for (;;) {
      const nl = this.buffer.indexOf(NEWLINE, at);
      if (nl < 0) {
        if (this.buffer.byteLength - at > MAX_HEADER) throw new Error('malformed live frame header');
        break;
      }
      const header = this.ascii.decode(this.buffer.subarray(at, nl));
      const m = /^(\S{1,48}) (\d{1,10})$/.exec(header);
      if (!m) throw new Error('malformed live frame header');
      const end = nl + 1 + Number(m[2]);
      if (end > this.buffer.byteLength) break;
      frames.push({ sub: m[1], payload: this.buffer.slice(nl + 1, end) });
      at = end;
    }
    this.buffer = this.buffer.slice(at);
    return frames;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}
