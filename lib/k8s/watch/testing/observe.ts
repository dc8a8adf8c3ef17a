import type { BaseRow } from '@/lib/k8s/rows/types';
import type { LiveSink, PageInfo, Upstream } from '../list-watch';

// For the cluster tests of the live list (*.int.test.ts): an observer around the REAL upstream (lib/k8s/watch/
// upstream.ts against the local API server) and a sink that records what list-watch reports. Nothing here answers
// in the API server's place; `rewrite` may only change what a real request asks for (e.g. an older resourceVersion).

export interface Calls {
  /** `list:<who>@<continue|->` and `watch:<who>`, in call order. */
  log: string[];
  /** The resourceVersion each watch started from. */
  watchedFrom: string[];
  /** The status of each failed call, as the API server answered it. */
  failures: number[];
}

export const newCalls = (): Calls => ({ log: [], watchedFrom: [], failures: [] });

export interface Rewrite {
  list?: (cont: string | undefined) => Promise<string | undefined> | string | undefined;
  watch?: (resourceVersion: string) => string;
}

export function observed(real: Upstream, calls: Calls, who: string, rewrite: Rewrite = {}): Upstream {
  // A call cut short by the caller's own abort (the run ending) is not the API server's answer.
  const failed = (e: unknown, signal: AbortSignal): never => {
    if (!signal.aborted) calls.failures.push((e as { body?: { status?: number } }).body?.status ?? -1);
    throw e;
  };
  return {
    async list(limit, cont, signal) {
      calls.log.push(`list:${who}@${cont ? 'continue' : '-'}`);
      const asked = rewrite.list ? await rewrite.list(cont) : cont;
      return real.list(limit, asked, signal).catch((e: unknown) => failed(e, signal));
    },
    async *watch(resourceVersion, signal) {
      calls.log.push(`watch:${who}`);
      calls.watchedFrom.push(resourceVersion);
      try {
        yield* real.watch(rewrite.watch ? rewrite.watch(resourceVersion) : resourceVersion, signal);
      } catch (e) {
        failed(e, signal);
      }
    },
  };
}

export function recorder() {
  const log: string[] = [];
  const pages: { rows: BaseRow[]; info: PageInfo }[] = [];
  const sink: LiveSink = {
    relist: (reason) => log.push(`relist:${reason}`),
    page: async (rows, info) => {
      pages.push({ rows, info });
      log.push(`page:${rows.map((r) => r.name).join(',')}${info.done ? ':done' : ''}`);
    },
    upsert: (row, rv) => log.push(`upsert:${row.name}${rv ? '@rv' : ''}`),
    remove: (uid, rv) => log.push(`delete:${uid}${rv ? '@rv' : ''}`),
    bookmark: () => log.push('bookmark'),
  };
  return { sink, log, pages };
}

/**
 * Makes resourceVersion 1 really expired for pods: waits until etcd has compacted it (every 30 s on the local
 * cluster), then updates `pod` until the API server's watch cache (which on a young cluster still holds every event
 * since it started) no longer has it either. `watchStatus` reports what a pods watch from "1" gets.
 */
export async function expirePodsFromOne(opts: {
  exactListStatus: () => Promise<number>;
  watchStatus: () => Promise<number>;
  touchPod: (n: number) => Promise<unknown>;
  poll: <T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number, intervalMs?: number) => Promise<T>;
}): Promise<{ etcd: number; watch: number }> {
  const etcd = await opts.poll(opts.exactListStatus, (s) => s === 410, 120_000, 2_000);
  let n = 0;
  while ((await opts.watchStatus()) !== 410 && n < 4_000) {
    for (let i = 0; i < 100; i++) await opts.touchPod(n++);
  }
  return { etcd, watch: await opts.watchStatus() };
}
