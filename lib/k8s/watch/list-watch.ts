import { setTimeout as delay } from 'node:timers/promises';
import type { KindRef } from '@/lib/k8s/resources';
import { toRow } from '@/lib/k8s/rows';
import type { BaseRow } from '@/lib/k8s/rows/types';
import type { RelistReason } from './wire';
import { isExpired, type Page, type WatchEvent } from './events';
import { newRound, onPage, onWatchEvent, totalOf, type RoundState } from './list-watch-state';

// List, then watch, for one user and one scope. The WATCH starts from the first page's resourceVersion while the
// remaining pages are still being fetched, so a change during a long listing shows at once; page items that the
// watch already reported (changed or deleted since the list's snapshot) are skipped. A 410 Gone — from the watch
// or from an expired continue token — starts a fresh listing. Server-closed watches resume from the last
// resourceVersion seen (bookmarks keep it fresh). Any other failure ends the run by throwing ApiError.

export interface Upstream {
  list(limit: number, cont: string | undefined, signal: AbortSignal): Promise<Page>;
  /** The rest of a listing after its first page in one read, where that beats following its continue token. */
  rest?(first: Page, signal: AbortSignal): Promise<Page>;
  watch(resourceVersion: string, signal: AbortSignal): AsyncIterable<WatchEvent>;
}

export interface PageInfo { total?: number; done: boolean; resourceVersion?: string }

/** Where the changes go. `resourceVersion` is set only once the client's state is complete up to it. */
export interface LiveSink {
  relist(reason: RelistReason): void;
  page(rows: BaseRow[], info: PageInfo): Promise<void>;
  upsert(row: BaseRow, resourceVersion?: string): void;
  remove(uid: string, resourceVersion?: string): void;
  bookmark(resourceVersion: string): void;
}

export interface ListWatchOptions {
  kind: KindRef;
  upstream: Upstream;
  sink: LiveSink;
  signal: AbortSignal;
  /** Resume a client that already holds the list up to this resourceVersion (no listing unless it expired). */
  resumeFrom?: string;
  firstPage?: number;
  pageSize?: number;
}

interface Round extends RoundState { signal: AbortSignal }
const FAST_END_MS = 1_000;
// 500 pods decode to a few MB that die young; 1,000-pod pages pushed the server's peak RSS from ~270 to ~440 MB
// while listing 30,000 pods (bench/README.md).
const PAGE_SIZE = 500;

async function watchLoop(o: ListWatchOptions, r: Round): Promise<void> {
  while (!r.signal.aborted) {
    const started = Date.now();
    for await (const ev of o.upstream.watch(r.lastRv, r.signal)) {
      if (r.signal.aborted) return;
      const call = onWatchEvent(r, ev);
      if (call?.op === 'bookmark') o.sink.bookmark(call.resourceVersion);
      else if (call?.op === 'remove') o.sink.remove(call.uid, call.resourceVersion);
      else if (call?.op === 'upsert') o.sink.upsert(toRow(o.kind, call.object), call.resourceVersion);
    }
    // The API server ended the watch (its timeout); do not spin if it keeps ending at once.
    if (r.signal.aborted) return;
    if (Date.now() - started < FAST_END_MS) await delay(FAST_END_MS);
  }
}

async function listRest(o: ListWatchOptions, r: Round, first: Page): Promise<void> {
  let page = first;
  const total = totalOf(first);
  for (let n = 0; ; n++) {
    if (r.signal.aborted) return;
    const { items, ...info } = onPage(r, page, n, total);
    await o.sink.page(items.map((it) => toRow(o.kind, it)), info);
    if (info.done) return;
    page = n === 0 && o.upstream.rest ? await o.upstream.rest(page, r.signal) : await o.upstream.list(o.pageSize ?? PAGE_SIZE, page.continue, r.signal);
  }
}

/** Runs until `signal` aborts (resolves) or the upstream fails for a reason other than 410 (throws). */
export async function listWatch(o: ListWatchOptions): Promise<void> {
  let from = o.resumeFrom;
  let reason: RelistReason = 'initial';
  while (!o.signal.aborted) {
    const round = new AbortController();
    const stop = () => round.abort();
    o.signal.addEventListener('abort', stop, { once: true });
    const r: Round = { ...newRound(from), signal: round.signal };
    try {
      let listing: Promise<void> = Promise.resolve();
      if (!from) {
        o.sink.relist(reason);
        const first = await o.upstream.list(o.firstPage ?? 250, undefined, round.signal);
        r.lastRv = first.resourceVersion;
        listing = listRest(o, r, first);
      }
      // Whichever fails first stops the other.
      await Promise.all([watchLoop(o, r), listing].map((p) => p.catch((e) => { round.abort(); throw e; })));
    } catch (e) {
      if (o.signal.aborted) return;
      if (!isExpired(e)) throw e;
      from = undefined;
      reason = 'expired';
    } finally {
      round.abort();
      o.signal.removeEventListener('abort', stop);
    }
  }
}
