import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { prefetch, takePrefetched } = await import('./page-prefetch');

const never = (signals: AbortSignal[]) => (signal: AbortSignal) => {
  signals.push(signal);
  return new Promise<string>(() => {});
};

describe('page prefetch', () => {
  it('hands a page only to the same token asking for exactly the same request, once', async () => {
    prefetch('token-a', { kind: 'pods', cont: 'c2' }, async () => 'page-2');
    expect(takePrefetched('token-b', { kind: 'pods', cont: 'c2' })).toBeUndefined();
    expect(takePrefetched('token-a', { kind: 'pods', cont: 'c3' })).toBeUndefined();
    expect(takePrefetched('token-a', { kind: 'services', cont: 'c2' })).toBeUndefined();
    await expect(takePrefetched('token-a', { kind: 'pods', cont: 'c2' })).resolves.toBe('page-2');
    expect(takePrefetched('token-a', { kind: 'pods', cont: 'c2' })).toBeUndefined();
  });

  it('keeps one page per user: a new one cuts off the old one still in flight', () => {
    const signals: AbortSignal[] = [];
    prefetch('token-c', { cont: '1' }, never(signals));
    prefetch('token-c', { cont: '2' }, never(signals));
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    expect(takePrefetched('token-c', { cont: '1' })).toBeUndefined();
    expect(takePrefetched('token-c', { cont: '2' })).toBeDefined();
  });

  it('holds a bounded number of pages in all, dropping the oldest', () => {
    const signals: AbortSignal[] = [];
    for (let i = 0; i < 6; i++) prefetch(`user-${i}`, { cont: 'x' }, never(signals));
    expect(signals.filter((s) => s.aborted)).toHaveLength(2);
    expect(takePrefetched('user-0', { cont: 'x' })).toBeUndefined();
    expect(takePrefetched('user-5', { cont: 'x' })).toBeDefined();
  });

  it('passes a failed page on to the request that takes it, and is not an unhandled rejection before', async () => {
    prefetch('token-d', { cont: 'gone' }, async () => {
      throw new Error('410');
    });
    await new Promise((r) => setImmediate(r));
    await expect(takePrefetched('token-d', { cont: 'gone' })).rejects.toThrow('410');
  });

  it('drops a page nobody takes after its time', () => {
    vi.useFakeTimers();
    try {
      const signals: AbortSignal[] = [];
      prefetch('token-e', { cont: 'late' }, never(signals));
      vi.advanceTimersByTime(16_000);
      expect(signals[0].aborted).toBe(true);
      expect(takePrefetched('token-e', { cont: 'late' })).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
