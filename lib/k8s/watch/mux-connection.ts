import 'server-only';
import { randomUUID } from 'node:crypto';
import type { ApiErrorBody } from '@/lib/k8s/errors';
import { register, unregister, type RegisteredConnection } from './mux-registry';
import { encodeControl, encodeFrame, type Control } from './mux-wire';
import { trackStream } from './session-streams';

// The server end of one browser's live connection (GET /api/live): one streamed response that carries every
// subscription of that browser, framed by mux-wire.ts. Subscriptions are added and removed by POSTs (mux-subscribe);
// each registers how it stops. The connection ends when the browser goes away, the session expires or signs out
// (endSessionStreams), or the browser falls too far behind; every subscription stops with it.

const KEEPALIVE_MS = 15_000;
const HIGH_WATER_BYTES = 1 << 20;
// A browser that has not taken this much is dropped (it reconnects and resumes) rather than buffered without end.
const MAX_QUEUED_BYTES = 32 << 20;
const SESSION_EXPIRED: ApiErrorBody = { status: 401, reason: 'SessionExpired', message: 'Your session has expired. Sign in again.' };
const SIGNED_OUT: ApiErrorBody = { status: 401, reason: 'Unauthorized', message: 'You signed out.' };
const TOO_SLOW: ApiErrorBody = { status: 503, reason: 'ServiceUnavailable', message: 'The browser fell too far behind the live lists; reconnecting.' };

export class LiveConnection implements RegisteredConnection {
  readonly id = randomUUID();
  private readonly subs = new Map<string, () => void>();
  private readonly timers: ReturnType<typeof setTimeout>[] = [];
  private waiting: (() => void)[] = [];
  private ctl?: ReadableStreamDefaultController<Uint8Array>;
  private closed = false;
  private readonly untrack: () => void;
  readonly response: Response;

  constructor(readonly sid: string, expiresAt: number, signal: AbortSignal) {
    this.untrack = trackStream(sid, () => this.close(SIGNED_OUT, false));
    signal.addEventListener('abort', () => this.close(), { once: true });
    const body = new ReadableStream<Uint8Array>(
      {
        start: (c) => {
          this.ctl = c;
          // The first frame starts the response (headers included) at once and names the connection.
          this.send(encodeControl({ t: 'hello', conn: this.id }));
          this.timers.push(setInterval(() => this.control({ t: 'ka' }), KEEPALIVE_MS));
          this.timers.push(setTimeout(() => this.close(SESSION_EXPIRED, false), Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1))));
        },
        pull: () => this.wake(),
        cancel: () => this.close(),
      },
      { highWaterMark: HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
    );
    register(this);
    this.response = new Response(body, {
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no', 'X-Content-Type-Options': 'nosniff' },
    });
  }

  get size(): number {
    return this.subs.size;
  }

  has(sub: string): boolean {
    return this.subs.has(sub);
  }

  /** Registers a subscription and how it stops (on unsubscribe or when the connection ends). */
  add(sub: string, stop: () => void): void {
    this.subs.get(sub)?.();
    this.subs.set(sub, stop);
  }

  /** Stops a subscription (unsubscribe). */
  remove(sub: string): void {
    const stop = this.subs.get(sub);
    this.subs.delete(sub);
    stop?.();
  }

  /** A subscription ended by itself: forget it without stopping it again. */
  forget(sub: string, stop: () => void): void {
    if (this.subs.get(sub) === stop) this.subs.delete(sub);
  }

  subscriptionIds(): string[] {
    return [...this.subs.keys()];
  }

  /** Bytes of one subscription; dropped once it was unsubscribed (a shared watch may still be mid-broadcast). */
  write(sub: string, payload: Uint8Array): void {
    if (this.subs.has(sub)) this.send(encodeFrame(sub, payload));
  }

  control(c: Control): void {
    this.send(encodeControl(c));
  }

  /** Resolves once the browser has taken what was written (backpressure for long listings and logs). */
  ready(): Promise<void> {
    if (this.closed || (this.ctl?.desiredSize ?? 1) > 0) return Promise.resolve();
    return new Promise<void>((r) => this.waiting.push(r));
  }

  close(error?: ApiErrorBody, retry = true): void {
    if (this.closed) return;
    if (error) this.control({ t: 'close', error, retry });
    this.closed = true;
    unregister(this);
    this.untrack();
    const stops = [...this.subs.values()];
    this.subs.clear();
    stops.forEach((stop) => stop());
    this.timers.forEach(clearTimeout);
    this.wake();
    try {
      this.ctl?.close();
    } catch {
      // already closed by the client
    }
  }

  private send(bytes: Uint8Array): void {
    if (this.closed || !this.ctl) return;
    this.ctl.enqueue(bytes);
    if ((this.ctl.desiredSize ?? 0) < -MAX_QUEUED_BYTES) queueMicrotask(() => this.close(TOO_SLOW, true));
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = [];
    w.forEach((f) => f());
  }
}
