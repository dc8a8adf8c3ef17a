import type { ApiErrorBody } from '@/lib/k8s/errors';
import type { KindRef } from '@/lib/k8s/resources';
import type { BaseRow } from '@/lib/k8s/rows/types';
import { bookmarked, newBook, paged, relisted, removed, replayMessages, resumeFrom, upserted } from './informer-state';
import { listWatch, type LiveSink, type PageInfo, type Upstream } from './list-watch';
import { SseSink } from './sse-sink';
import { formatFrame, type RelistReason } from './wire';

// One list-watch of one scope, shared by every connection that watches exactly that scope. It keeps the scope's
// lean rows in memory; a connection that joins gets them at once (a relist from memory), then the changes. Each
// change is encoded once and the same bytes go to every connection.
//
// Who may join is decided elsewhere (informers.ts: a SelfSubjectAccessReview with the joining user's own token).
// The upstream LIST/WATCH always runs with the token of a user who is connected right now (the "owner", the longest
// connected); when the owner leaves, the watch resumes at once with the next one's token. No subscriber ever
// receives an error that came from another user's request: a failed upstream ends every connection with a neutral
// "reconnect", and each reconnecting user is checked and served on their own again.

export interface Subscriber {
  id: string;
  token: string;
  /** Takes SSE frames, already encoded. */
  write(bytes: Uint8Array): void;
  /** Ends this subscriber's stream with an error (retry unless the status says otherwise). */
  fail(error: ApiErrorBody): void;
}

const REPLAY_CHUNK = 1000;
export const RESTARTING: ApiErrorBody = { status: 503, reason: 'ServiceUnavailable', message: 'The live list was interrupted; reconnecting.' };

export class Informer implements LiveSink {
  private readonly book = newBook();
  private readonly subs = new Map<string, Subscriber>();
  private readonly utf8 = new TextEncoder();
  private readonly broadcast = new SseSink({
    write: (text) => {
      const bytes = this.utf8.encode(text);
      this.each((s) => s.write(bytes));
    },
    ready: async () => {},
  });
  private owner?: Subscriber;
  private run?: AbortController;
  /** Called once the last subscriber has left or the upstream failed: the registry forgets this informer. */
  onClosed?: () => void;

  constructor(private readonly kind: KindRef, private readonly upstreamFor: (token: string) => Upstream, private readonly pageSize?: number) {}

  get size(): number {
    return this.subs.size;
  }

  join(sub: Subscriber): void {
    this.subs.set(sub.id, sub);
    this.replay(sub);
    if (!this.run) this.start();
  }

  leave(id: string): void {
    const sub = this.subs.get(id);
    if (!sub) return;
    this.subs.delete(id);
    if (!this.subs.size) this.close();
    else if (sub === this.owner) this.start();
  }

  // --- LiveSink: what the upstream list-watch reports, kept and passed on.

  relist(reason: RelistReason): void {
    relisted(this.book);
    this.broadcast.relist(reason);
  }

  async page(rows: BaseRow[], info: PageInfo): Promise<void> {
    // Subscribers that joined during this listing were replayed rows it may now drop: tell them.
    paged(this.book, rows, info).forEach((uid) => this.broadcast.remove(uid));
    void this.broadcast.page(rows, info);
  }

  upsert(row: BaseRow, resourceVersion?: string): void {
    upserted(this.book, row, resourceVersion);
    this.broadcast.upsert(row, resourceVersion);
  }

  remove(uid: string, resourceVersion?: string): void {
    removed(this.book, uid, resourceVersion);
    this.broadcast.remove(uid, resourceVersion);
  }

  bookmark(resourceVersion: string): void {
    bookmarked(this.book, resourceVersion);
    this.broadcast.bookmark(resourceVersion);
  }

  // --- internals

  /** The joiner's own relist: every row kept, encoded with the shared field list (sent in full first). */
  private replay(sub: Subscriber): void {
    for (const m of replayMessages(this.book, this.broadcast.encoder, REPLAY_CHUNK)) sub.write(this.utf8.encode(formatFrame(m)));
  }

  /** (Re)starts the upstream with the current owner's token: resumes the watch when synced, lists otherwise. */
  private start(): void {
    this.run?.abort();
    const run = new AbortController();
    this.run = run;
    this.owner = this.subs.values().next().value;
    if (!this.owner) return;
    // Calls from an aborted run (a page that was already on its way) are dropped.
    const guard = (f: () => void) => (run.signal.aborted ? undefined : f());
    const sink: LiveSink = {
      relist: (reason) => guard(() => this.relist(reason)),
      page: async (rows, info) => guard(() => void this.page(rows, info)),
      upsert: (row, rv) => guard(() => this.upsert(row, rv)),
      remove: (uid, rv) => guard(() => this.remove(uid, rv)),
      bookmark: (rv) => guard(() => this.bookmark(rv)),
    };
    listWatch({ kind: this.kind, upstream: this.upstreamFor(this.owner.token), sink, signal: run.signal, resumeFrom: resumeFrom(this.book), pageSize: this.pageSize })
      .catch(() => {
        if (run.signal.aborted) return;
        this.broadcast.flush();
        this.each((s) => s.fail(RESTARTING));
        this.subs.clear();
        this.close();
      });
  }

  private close(): void {
    this.run?.abort();
    this.run = undefined;
    this.broadcast.close();
    this.onClosed?.();
    this.onClosed = undefined;
  }

  private each(f: (s: Subscriber) => void): void {
    for (const s of [...this.subs.values()]) f(s);
  }
}
