import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BaseRow } from './rows/types';

vi.mock('server-only', () => ({}));
const { holdSnapshot, snapshotSlice } = await import('./list-snapshot');

const rows = (n: number, from = 0): BaseRow[] => Array.from({ length: n }, (_, i) => ({ uid: `u${from + i}`, name: `r${from + i}` }));
const names = (r: BaseRow[] | undefined) => r?.map((x) => x.name);

describe('list snapshots', () => {
  afterEach(() => vi.useRealTimers());

  it('hands slices in order to the same token for the same list, and drops the snapshot with its last slice', () => {
    const id = holdSnapshot('token-a', { list: 'backups', rows: rows(5), resourceVersion: '7', continue: 'upstream' });
    expect(snapshotSlice('token-b', 'backups', id, 0, 2)).toBeUndefined();
    expect(snapshotSlice('token-a', 'secrets', id, 0, 2)).toBeUndefined();
    const first = snapshotSlice('token-a', 'backups', id, 0, 2)!;
    expect(first).toMatchObject({ resourceVersion: '7', next: 2 });
    expect(names(first.rows)).toEqual(['r0', 'r1']);
    // A page asked again (a retry) is the same page.
    expect(names(snapshotSlice('token-a', 'backups', id, 0, 2)?.rows)).toEqual(['r0', 'r1']);
    const last = snapshotSlice('token-a', 'backups', id, 2, 10)!;
    expect(names(last.rows)).toEqual(['r2', 'r3', 'r4']);
    expect(last.next).toBeUndefined();
    // The API server's own token takes over after the held rows.
    expect(last.continue).toBe('upstream');
    expect(snapshotSlice('token-a', 'backups', id, 2, 10)).toBeUndefined();
  });

  it('refuses an offset past the end', () => {
    const id = holdSnapshot('token-c', { list: 'l', rows: rows(3) });
    expect(snapshotSlice('token-c', 'l', id, 4, 1)).toBeUndefined();
  });

  it('keeps two snapshots per user, dropping that user’s oldest', () => {
    const ids = [1, 2, 3].map(() => holdSnapshot('token-d', { list: 'l', rows: rows(3) }));
    expect(snapshotSlice('token-d', 'l', ids[0], 0, 1)).toBeUndefined();
    expect(snapshotSlice('token-d', 'l', ids[1], 0, 1)).toBeDefined();
    expect(snapshotSlice('token-d', 'l', ids[2], 0, 1)).toBeDefined();
  });

  it('holds a bounded number of rows in all, dropping the oldest snapshots first', () => {
    const a = holdSnapshot('token-e', { list: 'l', rows: rows(30_000) });
    const b = holdSnapshot('token-f', { list: 'l', rows: rows(30_000) });
    const c = holdSnapshot('token-g', { list: 'l', rows: rows(20_000) });
    expect(snapshotSlice('token-e', 'l', a, 0, 1)).toBeUndefined();
    expect(snapshotSlice('token-f', 'l', b, 0, 1)).toBeDefined();
    expect(snapshotSlice('token-g', 'l', c, 0, 1)).toBeDefined();
  });

  it('drops a snapshot a minute after it was last read', () => {
    vi.useFakeTimers();
    const id = holdSnapshot('token-h', { list: 'l', rows: rows(10) });
    vi.advanceTimersByTime(50_000);
    expect(snapshotSlice('token-h', 'l', id, 0, 1)).toBeDefined();
    vi.advanceTimersByTime(50_000);
    expect(snapshotSlice('token-h', 'l', id, 1, 1)).toBeDefined();
    vi.advanceTimersByTime(61_000);
    expect(snapshotSlice('token-h', 'l', id, 2, 1)).toBeUndefined();
  });
});
