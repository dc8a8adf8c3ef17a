import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/k8s/errors';
import { isExpired, type KubeObject, type WatchEvent } from './events';
import { newRound, onPage, onWatchEvent, totalOf, uidOf } from './list-watch-state';

// The pure decisions of a list-watch round. The I/O around them (real pages, real watches, real 410s, owner
// hand-off) is tested against the API server in list-watch.int.test.ts and informer.int.test.ts.

const pod = (name: string, rv: string): KubeObject & Record<string, unknown> => ({ metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: rv } });
const ev = (type: WatchEvent['type'], object: KubeObject & Record<string, unknown>): WatchEvent => ({ type, object });

describe('onWatchEvent', () => {
  it('after the listing: changes carry their resourceVersion, bookmarks pass on, lastRv follows', () => {
    const s = newRound('10');
    expect(s.listing).toBe(false);
    expect(onWatchEvent(s, ev('ADDED', pod('a', '11')))).toEqual({ op: 'upsert', object: pod('a', '11'), resourceVersion: '11' });
    expect(onWatchEvent(s, ev('DELETED', pod('a', '12')))).toEqual({ op: 'remove', uid: 'uid-a', resourceVersion: '12' });
    expect(onWatchEvent(s, ev('BOOKMARK', { metadata: { resourceVersion: '15' } }))).toEqual({ op: 'bookmark', resourceVersion: '15' });
    expect(s.lastRv).toBe('15');
    expect(s.touched.size).toBe(0);
  });

  it('during a listing: no resume ids, bookmarks only move lastRv, touched objects are remembered', () => {
    const s = newRound();
    expect(s).toMatchObject({ listing: true, lastRv: '' });
    s.lastRv = '10';
    expect(onWatchEvent(s, ev('MODIFIED', pod('b', '11')))).toEqual({ op: 'upsert', object: pod('b', '11'), resourceVersion: undefined });
    expect(onWatchEvent(s, ev('DELETED', pod('c', '12')))).toEqual({ op: 'remove', uid: 'uid-c', resourceVersion: undefined });
    expect(onWatchEvent(s, ev('BOOKMARK', { metadata: { resourceVersion: '13' } }))).toBeUndefined();
    expect(s.lastRv).toBe('13');
    expect([...s.touched]).toEqual(['uid-b', 'uid-c']);
  });

  it('an object without a uid is known by namespace/name', () => {
    expect(uidOf({ metadata: { namespace: 'ns', name: 'x' } })).toBe('ns/x');
    expect(uidOf({ metadata: { name: 'node-1' } })).toBe('/node-1');
  });
});

describe('onPage', () => {
  it('skips items the watch already reported; the last page ends the listing at the latest resourceVersion', () => {
    const s = newRound();
    s.lastRv = '10';
    const first = onPage(s, { items: [pod('a', '5')], resourceVersion: '10', continue: 'c1', remaining: 2 }, 0, 3);
    expect(first).toEqual({ items: [pod('a', '5')], total: 3, done: false, resourceVersion: undefined });
    onWatchEvent(s, ev('MODIFIED', pod('b', '11')));
    onWatchEvent(s, ev('DELETED', pod('c', '12')));
    const last = onPage(s, { items: [pod('b', '6'), pod('c', '7')], resourceVersion: '10' }, 1, 3);
    expect(last).toEqual({ items: [], total: undefined, done: true, resourceVersion: '12' });
    expect(s.listing).toBe(false);
    expect(s.touched.size).toBe(0);
    // After the listing, changes carry resume ids again.
    expect(onWatchEvent(s, ev('ADDED', pod('d', '13')))).toMatchObject({ resourceVersion: '13' });
  });

  it('a single page is first and last at once', () => {
    const s = newRound();
    s.lastRv = '7';
    expect(onPage(s, { items: [pod('a', '5')], resourceVersion: '7', remaining: 0 }, 0, 1)).toEqual({ items: [pod('a', '5')], total: 1, done: true, resourceVersion: '7' });
  });
});

describe('totalOf', () => {
  it('counts the first page plus remainingItemCount, and is unknown without it', () => {
    expect(totalOf({ items: [pod('a', '1')], resourceVersion: '1', continue: 'x', remaining: 4 })).toBe(5);
    expect(totalOf({ items: [pod('a', '1')], resourceVersion: '1', continue: 'x' })).toBeUndefined();
  });
});

describe('isExpired (what starts a fresh listing)', () => {
  // An expired continue token answers 410 with reason Expired, like a too-old watch resourceVersion.
  it('is true for 410 / Expired / Gone and false for anything else', () => {
    expect(isExpired(new ApiError({ status: 410, reason: 'Expired', message: 'The provided continue parameter is too old' }))).toBe(true);
    expect(isExpired(new ApiError({ status: 500, reason: 'Gone', message: 'too old resource version' }))).toBe(true);
    expect(isExpired(new ApiError({ status: 403, reason: 'Forbidden', message: 'no' }))).toBe(false);
    expect(isExpired(new Error('410'))).toBe(false);
  });
});
