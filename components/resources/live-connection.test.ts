import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatFrame, type StreamMessage } from '@/lib/k8s/watch/wire';
import { openLiveList } from './live-connection';
import { LiveStore } from './live-store';

// The browser's connection loop against a scripted console: reconnects with backoff (resuming from the last
// complete resourceVersion), shows "reconnecting" meanwhile, and stops for good on a final error.

function sse(messages: StreamMessage[], end: 'close' | 'hang' = 'close'): Response {
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new TextEncoder().encode(messages.map(formatFrame).join('')));
      if (end === 'close') c.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

const listing = (names: string[], rv: string): StreamMessage[] => [
  { event: 'relist', data: { reason: 'initial' } },
  { event: 'snapshot', data: { fields: ['uid', 'name'], rows: names.map((n) => [n, n]), done: true }, id: rv },
];

async function until(cond: () => boolean) {
  for (let i = 0; i < 300 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
}

afterEach(() => vi.unstubAllGlobals());

describe('openLiveList', () => {
  it('reconnects after the stream drops, resuming from the last resourceVersion', async () => {
    const urls: string[] = [];
    const answers = [sse(listing(['a'], '10')), sse([{ event: 'upsert', data: { fields: ['uid', 'name'], rows: [['b', 'b']] }, id: '11' }], 'hang')];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return answers.shift()!;
    });
    const store = new LiveStore();
    const statuses: string[] = [];
    store.subscribe(() => statuses.push(store.getSnapshot().status));
    const close = openLiveList('/api/k8s/pods/watch?namespace=default', store);
    await until(() => (store.getSnapshot().rows ?? []).length === 2);
    close();
    expect(urls).toEqual(['/api/k8s/pods/watch?namespace=default', '/api/k8s/pods/watch?namespace=default&resourceVersion=10']);
    expect(statuses).toContain('reconnecting');
    expect(store.getSnapshot()).toMatchObject({ status: 'live', synced: true });
  });

  it('stops on a final error (403) and does not reconnect', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', async () => {
      calls++;
      return sse([{ event: 'error', data: { error: { status: 403, reason: 'Forbidden', message: 'pods is forbidden' }, retry: false } }], 'hang');
    });
    const store = new LiveStore();
    const close = openLiveList('/api/k8s/pods/watch?namespace=kube-system', store);
    await until(() => store.getSnapshot().status === 'failed');
    await new Promise((r) => setTimeout(r, 800));
    close();
    expect(calls).toBe(1);
    expect(store.getSnapshot()).toMatchObject({ rows: undefined, error: { reason: 'Forbidden' } });
  });
});
