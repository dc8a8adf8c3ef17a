import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureClusterUp, readToken } from '@/cluster/state';

// The bound on shared informers, against the local API server with the real access review and the real upstream:
// one user may start at most WHEELHOUSE_MAX_INFORMERS_PER_USER distinct scopes (made-up label selectors each make a
// scope with its own copy of the rows); joining a scope that already runs, or another user starting one, is not
// refused; leaving frees the place. The limit is read when the module loads, so it is set before the import.

vi.mock('server-only', () => ({}));
process.env.WHEELHOUSE_MAX_INFORMERS_PER_USER = '3';
const { joinInformer, informerStats } = await import('./informers');
const { watchDenial } = await import('./access-review');
const { userUpstream } = await import('./upstream');

const deps = { denial: watchDenial, upstream: userUpstream };
const leaves: (() => void)[] = [];
let next = 0;

function subscriber(token: string) {
  const failures: unknown[] = [];
  return { failures, sub: { id: `s${next++}`, token, write: () => undefined, fail: (e: unknown) => void failures.push(e) } };
}

const join = (username: string, token: string, selector: string) =>
  joinInformer({ kind: 'pods', scope: { namespace: 'default', labelSelector: `bound-test=${selector}` }, username, subscriber: subscriber(token).sub }, deps);

describe('joinInformer bounds the scopes one user may start (real API server)', () => {
  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
  });
  afterAll(() => leaves.forEach((leave) => leave()));

  it('refuses a fourth distinct scope with 429, and lets running scopes, other users and freed places through', async () => {
    const admin = readToken('admin-user');
    const viewer = readToken('viewer');
    for (const s of ['a', 'b', 'c']) leaves.push(await join('admin-user', admin, s));
    await expect(join('admin-user', admin, 'd')).rejects.toMatchObject({ body: { status: 429, reason: 'TooManyRequests' } });
    // A scope this user already holds is no new copy of the rows; another user is counted on their own.
    leaves.push(await join('admin-user', admin, 'b'));
    leaves.push(await join('viewer', viewer, 'd'));
    expect(informerStats().informers).toBe(4);
    // Leaving every connection of one scope frees its place.
    leaves.shift()!();
    leaves.push(await join('admin-user', admin, 'd'));
    expect(informerStats().informers).toBe(3);
  });
});
