import { fetchJson, FetchError } from '@/lib/client/fetch-json';
import type { ApiErrorBody } from '@/lib/k8s/errors';
import type { LiveRequest, LiveSpec } from '@/lib/k8s/watch/mux-wire';
import { joinTransport, type Transport } from './live-leader';

// This tab's live subscriptions on the browser's one connection (live-leader.ts). A subscription gets a fresh id
// each time it is (re)subscribed — on a new connection, or after its stream ended with "retry" — so frames of an
// earlier incarnation can never reach it. Subscribes and unsubscribes made in the same tick go out as one POST;
// leaving a page unsubscribes at once (no linger: nothing holds a browser connection for it).

export interface SubHandler {
  /** What to subscribe to now (a list's spec carries the resourceVersion to resume from). */
  spec(): LiveSpec;
  /** A new incarnation starts (reset parsers); `retry` when it replaces an earlier one. */
  opened(retry: boolean): void;
  /** The server accepted it. */
  accepted(): void;
  data(payload: Uint8Array): void;
  /** A log subscription ended by itself (lists report their end in their own data). */
  end(error?: ApiErrorBody): void;
  /** The connection is gone for now, or for good (`final`). */
  down(error: ApiErrorBody | undefined, final: boolean): void;
}

interface Entry { h: SubHandler; id?: string; closed: boolean; attempt: number; since: number; timer?: ReturnType<typeof setTimeout> }

const BACKOFF_MS = [500, 1_000, 2_000, 4_000, 8_000, 15_000];

export function toLogin(body: ApiErrorBody): void {
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  window.location.assign(body.reason === 'SessionExpired' ? `/login?reason=expired&next=${next}` : `/login?next=${next}`);
}

class LiveHub {
  private readonly tab = crypto.randomUUID().replace(/-/g, '').slice(0, 16);
  private n = 0;
  private conn?: string;
  private readonly entries = new Map<string, Entry>();
  private readonly all = new Set<Entry>();
  private batch?: { subscribe: NonNullable<LiveRequest['subscribe']>; unsubscribe: string[]; opened: Entry[] };
  private readonly transport: Transport;

  constructor() {
    this.transport = joinTransport(this.tab, {
      conn: (conn, error, final) => this.onConn(conn, error, final),
      frame: (sub, payload) => this.entries.get(sub)?.h.data(payload),
      end: (sub, error) => {
        const e = this.entries.get(sub);
        if (!e) return;
        this.entries.delete(sub);
        e.id = undefined;
        e.h.end(error);
      },
    }, (body) => fetchJson('/api/live', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }));
  }

  subscribe(h: SubHandler): () => void {
    const e: Entry = { h, closed: false, attempt: 0, since: Date.now() };
    this.all.add(e);
    this.open(e, false);
    return () => {
      e.closed = true;
      this.all.delete(e);
      if (e.timer) clearTimeout(e.timer);
      if (e.id) this.unsubscribe(e);
    };
  }

  /** Its stream ended with "retry": subscribe again after a backoff (a fresh id, resuming where it was). */
  retry(h: SubHandler): void {
    const e = [...this.all].find((x) => x.h === h);
    if (!e || e.closed) return;
    if (e.id) this.entries.delete(e.id);
    e.id = undefined;
    if (Date.now() - e.since > 30_000) e.attempt = 0;
    const base = BACKOFF_MS[Math.min(e.attempt++, BACKOFF_MS.length - 1)];
    e.timer = setTimeout(() => this.open(e, true), base / 2 + Math.random() * base);
  }

  private open(e: Entry, retry: boolean): void {
    e.timer = undefined;
    if (e.closed) return;
    if (!this.conn) {
      this.transport.need();
      return;
    }
    e.id = `${this.tab}.${++this.n}`;
    e.since = Date.now();
    this.entries.set(e.id, e);
    e.h.opened(retry);
    const b = this.pending();
    b.subscribe.push({ id: e.id, spec: e.h.spec() });
    b.opened.push(e);
  }

  private unsubscribe(e: Entry): void {
    this.entries.delete(e.id!);
    this.pending().unsubscribe.push(e.id!);
    e.id = undefined;
  }

  private pending() {
    if (!this.batch) {
      this.batch = { subscribe: [], unsubscribe: [], opened: [] };
      queueMicrotask(() => this.flush());
    }
    return this.batch;
  }

  private flush(): void {
    const b = this.batch!;
    this.batch = undefined;
    const conn = this.conn;
    if (!conn) return;
    const body: LiveRequest = { conn, ...(b.subscribe.length ? { subscribe: b.subscribe } : {}), ...(b.unsubscribe.length ? { unsubscribe: b.unsubscribe } : {}) };
    fetchJson('/api/live', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }).then(
      () => b.opened.forEach((e) => e.id && e.h.accepted()),
      (err: unknown) => {
        // 404: the connection closed meanwhile; the leader announces the next one and everything resubscribes.
        const body = err instanceof FetchError ? err.body : undefined;
        if (!body || body.status === 404 || body.status === 401) return;
        b.opened.forEach((e) => e.id && this.entries.get(e.id) === e && e.h.down(body, true));
      },
    );
  }

  private onConn(conn: string | undefined, error?: ApiErrorBody, final?: boolean): void {
    if (conn && conn === this.conn) return;
    this.conn = conn;
    for (const e of this.all) {
      if (e.id) this.entries.delete(e.id);
      e.id = undefined;
      if (e.timer) continue;
      if (conn) this.open(e, true);
      else e.h.down(error, !!final);
    }
    if (!conn && final && error?.status === 401 && this.all.size) toLogin(error);
  }
}

let hub: LiveHub | undefined;

/** The tab's hub, started on first use (browser only). */
export function liveHub(): LiveHub {
  return (hub ??= new LiveHub());
}
