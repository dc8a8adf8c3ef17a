import { describe, expect, it } from 'vitest';
import type { BaseRow } from '@/lib/k8s/rows/types';
import { SseSink } from '@/lib/k8s/watch/sse-sink';
import { SseParser } from '@/lib/k8s/watch/wire';
import { LiveStore } from './live-store';

// The server's SSE writer and the browser's store, wired through the text of the stream.

function pipe() {
  const store = new LiveStore();
  const parser = new SseParser();
  const sink = new SseSink({ write: (t) => parser.push(t).forEach((f) => store.apply(f)), ready: async () => {} }, 0);
  const names = () => (store.getSnapshot().rows ?? []).map((r) => r.name).sort();
  return { store, sink, names };
}
const row = (name: string, extra: Partial<BaseRow> = {}): BaseRow => ({ uid: `uid-${name}`, name, namespace: 'default', ...extra });

describe('live store', () => {
  it('shows the first page at once and keeps rows current', async () => {
    const { store, sink, names } = pipe();
    sink.relist('initial');
    await sink.page([row('a'), row('b')], { total: 3, done: false });
    expect(names()).toEqual(['a', 'b']);
    expect(store.getSnapshot()).toMatchObject({ total: 3, synced: false });
    await sink.page([row('c')], { done: true, resourceVersion: '10' });
    expect(store.getSnapshot()).toMatchObject({ total: 3, synced: true });
    expect(store.resumeFrom).toBe('10');
    sink.upsert(row('d', { created: '2026-01-01T00:00:00.000Z' }), '11');
    sink.remove('uid-a', '12');
    sink.flush();
    expect(names()).toEqual(['b', 'c', 'd']);
    expect(store.getSnapshot().rows?.find((r) => r.name === 'd')?.created).toBe('2026-01-01T00:00:00.000Z');
    expect(store.resumeFrom).toBe('12');
  });

  it('keeps rows on screen during a relist and drops what the new listing lacks', async () => {
    const { store, sink, names } = pipe();
    sink.relist('initial');
    await sink.page([row('a'), row('b')], { done: true, resourceVersion: '10' });
    sink.relist('expired');
    expect(store.resumeFrom).toBeUndefined();
    await sink.page([row('b')], { done: false });
    expect(names()).toEqual(['a', 'b']);
    await sink.page([row('c')], { done: true, resourceVersion: '30' });
    expect(names()).toEqual(['b', 'c']);
    expect(store.resumeFrom).toBe('30');
  });

  it('forgets the rows when the user loses access', async () => {
    const { store, sink } = pipe();
    sink.relist('initial');
    await sink.page([row('a')], { done: true, resourceVersion: '10' });
    store.fail({ status: 403, reason: 'Forbidden', message: 'pods is forbidden' });
    expect(store.getSnapshot()).toMatchObject({ rows: undefined, status: 'failed', error: { reason: 'Forbidden' } });
  });
});
