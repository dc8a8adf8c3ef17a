import { expect } from 'vitest';
import { ApiError } from '@/lib/k8s/errors';
import type { BaseRow } from '@/lib/k8s/rows/types';
import type { KubeObject, Page, WatchEvent } from '../events';
import type { LiveSink, PageInfo, Upstream } from '../list-watch';

// A scripted API server (paged LIST, hand-fed WATCH) and a recording sink, for the list-watch and informer tests.

export const pod = (name: string, rv: string): KubeObject & Record<string, unknown> => ({
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: rv },
  spec: { containers: [{ name: 'c' }] },
  status: { phase: 'Running' },
});

/** A watch the test feeds event by event; `end()` closes it the way the API server's timeout does. */
export class FakeWatch implements AsyncIterable<WatchEvent> {
  private queue: (WatchEvent | Error | 'end')[] = [];
  private wake?: () => void;
  constructor(signal: AbortSignal) {
    signal.addEventListener('abort', () => this.push('end'), { once: true });
  }
  push(e: WatchEvent | Error | 'end') {
    this.queue.push(e);
    this.wake?.();
  }
  async *[Symbol.asyncIterator](): AsyncIterator<WatchEvent> {
    for (;;) {
      while (!this.queue.length) await new Promise<void>((r) => (this.wake = r));
      const e = this.queue.shift()!;
      if (e === 'end') return;
      if (e instanceof Error) throw e;
      yield e;
    }
  }
}

export function fakeApi(items: KubeObject[], rv = '10') {
  const watches: { from: string; w: FakeWatch }[] = [];
  const lists: (string | undefined)[] = [];
  let failList: Error | undefined;
  const tokens: string[] = [];
  const upstream: Upstream = {
    async list(limit, cont) {
      lists.push(cont);
      if (failList) throw failList;
      const start = cont ? Number(cont) : 0;
      const end = Math.min(items.length, start + limit);
      const page: Page = { items: items.slice(start, end), resourceVersion: rv, continue: end < items.length ? String(end) : undefined, remaining: items.length - end };
      return page;
    },
    watch(from, signal) {
      const w = new FakeWatch(signal);
      watches.push({ from, w });
      return w;
    },
  };
  const forToken = (token: string): Upstream => ({
    list: (limit, cont, signal) => {
      tokens.push(`list:${token}`);
      return upstream.list(limit, cont, signal);
    },
    watch: (from, signal) => {
      tokens.push(`watch:${token}@${from}`);
      return upstream.watch(from, signal);
    },
  });
  return { upstream, forToken, tokens, watches, lists, setItems: (next: KubeObject[], nextRv: string) => { items = next; rv = nextRv; }, failLists: (e?: Error) => { failList = e; } };
}

export function recorder() {
  const log: string[] = [];
  const pages: { rows: BaseRow[]; info: PageInfo }[] = [];
  const sink: LiveSink = {
    relist: (reason) => log.push(`relist:${reason}`),
    page: async (rows, info) => {
      pages.push({ rows, info });
      log.push(`page:${rows.map((r) => r.name).join(',')}${info.done ? `:done@${info.resourceVersion}` : ''}`);
    },
    upsert: (row, rv) => log.push(`upsert:${row.name}${rv ? `@${rv}` : ''}`),
    remove: (uid, rv) => log.push(`delete:${uid}${rv ? `@${rv}` : ''}`),
    bookmark: (rv) => log.push(`bookmark@${rv}`),
  };
  return { sink, log, pages };
}

export const tick = () => new Promise((r) => setTimeout(r, 5));
export async function until(cond: () => boolean) {
  for (let i = 0; i < 400 && !cond(); i++) await tick();
  expect(cond()).toBe(true);
}
export const expired = () => new ApiError({ status: 410, reason: 'Expired', message: 'too old resource version: 1 (360)' });

