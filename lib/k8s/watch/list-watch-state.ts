import type { KubeObject, Page, WatchEvent } from './events';

// The decisions of one list-watch round (list-watch.ts), without I/O: what a watch event means for the sink while a
// listing runs or after it, and which page items are still news. list-watch.ts does the I/O and the row conversion.
// `touched` is mutated in place: a listing of 30,000 pods must not copy a set per event.

export interface RoundState {
  /** A listing is running: watch events get no resume id and mark their object as newer than the pages. */
  listing: boolean;
  touched: Set<string>;
  lastRv: string;
}

export type SinkCall =
  | { op: 'bookmark'; resourceVersion: string }
  | { op: 'upsert'; object: KubeObject; resourceVersion?: string }
  | { op: 'remove'; uid: string; resourceVersion?: string };

export const uidOf = (o: KubeObject) => o.metadata?.uid ?? `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

export function newRound(resumeFrom?: string): RoundState {
  return { listing: !resumeFrom, touched: new Set(), lastRv: resumeFrom ?? '' };
}

/** One watch event → the sink call it makes (none for a bookmark during a listing). */
export function onWatchEvent(s: RoundState, ev: WatchEvent): SinkCall | undefined {
  const rv = ev.object.metadata?.resourceVersion;
  if (rv) s.lastRv = rv;
  if (ev.type === 'BOOKMARK') return !s.listing && rv ? { op: 'bookmark', resourceVersion: rv } : undefined;
  const uid = uidOf(ev.object);
  if (s.listing) s.touched.add(uid);
  const resourceVersion = s.listing ? undefined : rv;
  return ev.type === 'DELETED' ? { op: 'remove', uid, resourceVersion } : { op: 'upsert', object: ev.object, resourceVersion };
}

export interface PageOut { items: KubeObject[]; total?: number; done: boolean; resourceVersion?: string }

/**
 * Page `n` of the listing (0 = the first) → what the sink gets: items the watch has not already reported, the total
 * (first page only, when the server counts), and, on the last page, the resourceVersion the client is complete to.
 */
export function onPage(s: RoundState, page: Page, n: number, total?: number): PageOut {
  const items = page.items.filter((it) => !s.touched.has(uidOf(it)));
  const done = !page.continue;
  if (done) {
    s.listing = false;
    s.touched.clear();
  }
  return { items, total: n === 0 ? total : undefined, done, resourceVersion: done ? s.lastRv : undefined };
}

/** The listing's size as the first page announces it (remainingItemCount is optional, e.g. with a field selector). */
export const totalOf = (first: Page): number | undefined => (first.remaining !== undefined ? first.items.length + first.remaining : undefined);
