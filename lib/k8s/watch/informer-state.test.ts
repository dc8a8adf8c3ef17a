import { describe, expect, it } from 'vitest';
import type { BaseRow } from '@/lib/k8s/rows/types';
import { bookmarked, newBook, paged, relisted, removed, replayMessages, resumeFrom, upserted } from './informer-state';
import { RowEncoder } from './wire';

// The informer's books, without I/O. Sharing one upstream between real users (join, owner hand-off, failure) is
// tested against the API server in informer.int.test.ts.

const row = (name: string): BaseRow => ({ uid: `uid-${name}`, name });
const names = (rows: Map<string, BaseRow>) => [...rows.values()].map((r) => r.name);

describe('the row book', () => {
  it('is complete after the last page, at its resourceVersion; then changes move it', () => {
    const b = newBook();
    relisted(b);
    expect(paged(b, [row('a'), row('b')], { total: 3, done: false })).toEqual([]);
    expect(b).toMatchObject({ synced: false, total: 3 });
    expect(resumeFrom(b)).toBeUndefined();
    expect(paged(b, [row('c')], { done: true, resourceVersion: '10' })).toEqual([]);
    expect(b).toMatchObject({ synced: true, rv: '10', seen: null });
    expect(resumeFrom(b)).toBe('10');
    upserted(b, row('d'), '11');
    removed(b, 'uid-a', '12');
    bookmarked(b, '15');
    expect(names(b.rows)).toEqual(['b', 'c', 'd']);
    expect(resumeFrom(b)).toBe('15');
  });

  it('a relist (after a 410) drops the rows the new listing no longer has, and says which', () => {
    const b = newBook();
    relisted(b);
    paged(b, [row('a'), row('b'), row('c')], { done: true, resourceVersion: '10' });
    relisted(b);
    expect(resumeFrom(b)).toBeUndefined();
    paged(b, [row('b')], { done: false });
    upserted(b, row('e')); // the watch during the listing confirms e
    expect(paged(b, [], { done: true, resourceVersion: '30' }).sort()).toEqual(['uid-a', 'uid-c']);
    expect(names(b.rows).sort()).toEqual(['b', 'e']);
    expect(resumeFrom(b)).toBe('30');
  });

  it('changes without a resourceVersion (during a listing) do not move it', () => {
    const b = newBook();
    relisted(b);
    paged(b, [row('a')], { done: true, resourceVersion: '10' });
    upserted(b, row('b'));
    removed(b, 'uid-a');
    expect(b.rv).toBe('10');
  });
});

describe('replayMessages', () => {
  it('replays a complete book in chunks with the field list, then done at its resourceVersion', () => {
    const b = newBook();
    relisted(b);
    paged(b, [row('a'), row('b'), row('c')], { done: true, resourceVersion: '10' });
    const msgs = replayMessages(b, new RowEncoder(), 2);
    expect(msgs.map((m) => m.event)).toEqual(['relist', 'snapshot', 'snapshot', 'snapshot']);
    expect(msgs[1].data).toEqual({ fields: ['uid', 'name'], rows: [['uid-a', 'a'], ['uid-b', 'b']], total: 3, done: false });
    expect(msgs[2].data).toEqual({ fields: ['uid', 'name'], rows: [['uid-c', 'c']], done: false });
    expect(msgs[3]).toEqual({ event: 'snapshot', data: { rows: [], done: true }, id: '10' });
  });

  it('while listing: what is known so far, the announced total, and no done', () => {
    const b = newBook();
    relisted(b);
    paged(b, [row('a')], { total: 5, done: false });
    const msgs = replayMessages(b, new RowEncoder(), 1000);
    expect(msgs).toHaveLength(2);
    expect(msgs[1].data).toEqual({ fields: ['uid', 'name'], rows: [['uid-a', 'a']], total: 5, done: false });
  });

  it('an empty book still sends one (empty) snapshot so the client knows the fields', () => {
    const msgs = replayMessages(newBook(), new RowEncoder(), 1000);
    expect(msgs).toEqual([{ event: 'relist', data: { reason: 'initial' } }, { event: 'snapshot', data: { fields: [], rows: [], done: false } }]);
  });
});
