import { CoreV1Api } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminKubeConfig, ensureClusterUp, readToken } from '@/cluster/state';
import { namespaceWithPods, pollUntil, statusOf } from '@/cluster/test-helpers';

// listRowPage and pageQueryParams (`?limit=&continue=&sort=&desc=1&q=`) against the local API server: paging in the
// API server's order with its own continue tokens, sorted and filtered pages with offset tokens, tokens of the wrong
// kind refused, and a real expired continue token. What the pages hold is compared with the admin's own listing.

vi.mock('server-only', () => ({}));
const { listRowPage, pageQueryParams, MAX_PAGE } = await import('./list-page');

const ns = `int-page-${randomBytes(3).toString('hex')}`;
const NAMES = ['alpha-1', 'alpha-2', 'beta-1', 'beta-2', 'gamma-1'];
const core = () => adminKubeConfig().makeApiClient(CoreV1Api);
const token = () => readToken('admin-user');
const params = (q: string) => pageQueryParams(new URLSearchParams(q))!;

/** Every page of a query, following `continue` to the end. */
async function walk(query: string) {
  const pages = [];
  let cont: string | undefined;
  do {
    const page = await listRowPage(token(), 'pods', { namespace: ns }, params(`${query}${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`));
    pages.push(page);
    cont = page.continue;
  } while (cont && pages.length < 20);
  return pages;
}

describe('listRowPage (real API server)', () => {
  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
    await namespaceWithPods(ns, NAMES);
  });
  afterAll(async () => {
    await core().deleteNamespace({ name: ns }).catch(() => undefined);
  });

  it('in the API server’s order: one upstream page per page, its continue token, the total on the first page', async () => {
    const admin = (await core().listNamespacedPod({ namespace: ns })).items.map((p) => p.metadata!.name!);
    const pages = await walk('limit=2');
    expect(pages.map((p) => p.rows.map((r) => r.name))).toEqual([['alpha-1', 'alpha-2'], ['beta-1', 'beta-2'], ['gamma-1']]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.name))).toEqual(admin);
    expect(pages[0].total).toBe(5);
    expect(pages.slice(0, 2).map((p) => p.continue?.slice(0, 2))).toEqual(['k:', 'k:']);
    expect(pages[2].continue).toBeUndefined();
  });

  it('a walk’s pages asked for ahead are the same pages, and only for the same token', async () => {
    const plain = (await walk('limit=2')).flatMap((p) => p.rows.map((r) => r.name));
    // Page 2 carries a continue token: page 3 is asked for ahead with the admin's token, and taken by the next call.
    const again = await walk('limit=2');
    expect(again.flatMap((p) => p.rows.map((r) => r.name))).toEqual(plain);
    // Another user presenting the admin's continue token gets their own answer from the API server, not that page.
    const p1 = await listRowPage(token(), 'pods', { namespace: ns }, params('limit=2'));
    const p2 = await listRowPage(token(), 'pods', { namespace: ns }, params(`limit=2&continue=${encodeURIComponent(p1.continue!)}`));
    await expect(listRowPage(readToken('team-a-editor'), 'pods', { namespace: ns }, params(`limit=2&continue=${encodeURIComponent(p2.continue!)}`))).rejects.toMatchObject({ body: { status: 403 } });
    const p3 = await listRowPage(token(), 'pods', { namespace: ns }, params(`limit=2&continue=${encodeURIComponent(p2.continue!)}`));
    expect(p3.rows.map((r) => r.name)).toEqual(['gamma-1']);
  });

  it('sorted descending by name: pages cut from a full listing, with offset tokens', async () => {
    const pages = await walk('limit=2&sort=name&desc=1');
    expect(pages.flatMap((p) => p.rows.map((r) => r.name))).toEqual([...NAMES].reverse());
    expect(pages.map((p) => p.continue)).toEqual(['o:2', 'o:4', undefined]);
    expect(pages.every((p) => p.total === 5)).toBe(true);
  });

  it('sorted by another column (status), ties by name', async () => {
    const pages = await walk('limit=3&sort=status');
    const rows = pages.flatMap((p) => p.rows);
    expect(rows.map((r) => r.name).sort()).toEqual(NAMES);
    const statuses = rows.map((r) => (r as unknown as { status: string }).status);
    expect(statuses).toEqual([...statuses].sort());
  });

  it('filters by name, case-insensitively, and counts only the matches', async () => {
    const [page] = await walk('limit=10&q=ALPHA');
    expect(page.rows.map((r) => r.name)).toEqual(['alpha-1', 'alpha-2']);
    expect(page.total).toBe(2);
    expect(page.continue).toBeUndefined();
    const [none] = await walk('limit=10&q=zzz');
    expect(none.rows).toEqual([]);
  });

  it('refuses a continue token of the other kind, a negative offset, and an unknown sort column (400)', async () => {
    const apiOrder = (await walk('limit=2'))[0].continue!;
    for (const [query, message] of [
      [`limit=2&sort=name&desc=1&continue=${encodeURIComponent(apiOrder)}`, 'another sort or filter'],
      ['limit=2&continue=o:2', 'another sort or filter'],
      ['limit=2&sort=name&desc=1&continue=o:-1', 'another sort or filter'],
      ['limit=2&sort=bogus', 'cannot sort pods by "bogus"'],
    ]) {
      await expect(listRowPage(token(), 'pods', { namespace: ns }, params(query)), query).rejects.toMatchObject({ body: { status: 400, message: expect.stringContaining(message) } });
    }
  });

  it('a continue token whose snapshot etcd has compacted gets the API server’s 410', async () => {
    // etcd is compacted every 30 s on the local cluster: wait until resourceVersion 1 is gone.
    const exact = () => statusOf(() => core().listNamespacedPod({ namespace: ns, resourceVersion: '1', resourceVersionMatch: 'Exact', limit: 1 }));
    expect(await pollUntil(exact, (s) => s === 410, 120_000, 2_000)).toBe(410);
    const first = (await walk('limit=2'))[0].continue!.slice(2);
    const stale = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(first, 'base64url').toString()), rv: 1 })).toString('base64url');
    await expect(listRowPage(token(), 'pods', { namespace: ns }, params(`limit=2&continue=k:${stale}`))).rejects.toMatchObject({ body: { status: 410 } });
  }, 180_000);

  it('answers with the user’s own rights: team-a may not page kube-system (403)', async () => {
    await expect(listRowPage(readToken('team-a-editor'), 'pods', { namespace: 'kube-system' }, params('limit=2'))).rejects.toMatchObject({ body: { status: 403 } });
  });
});

describe('pageQueryParams', () => {
  it('is no page query without limit, and reads limit, continue, sort, desc and q', () => {
    expect(pageQueryParams(new URLSearchParams('sort=name'))).toBeUndefined();
    expect(params('limit=5&continue=o:5&sort=age&desc=1&q=%20Web%20')).toEqual({ limit: 5, continue: 'o:5', sort: 'age', desc: true, q: 'web' });
    expect(params(`limit=${MAX_PAGE}`)).toMatchObject({ limit: MAX_PAGE, desc: false, q: undefined });
  });

  it('refuses bad limits, sort names, continue tokens and filters with a 400', () => {
    for (const q of ['limit=0', 'limit=-1', 'limit=1.5', 'limit=abc', `limit=${MAX_PAGE + 1}`, 'limit=', 'limit=2&sort=a;b', 'limit=2&sort=' + 'x'.repeat(41), `limit=2&continue=${'x'.repeat(4097)}`, `limit=2&q=${'x'.repeat(254)}`]) {
      expect(() => pageQueryParams(new URLSearchParams(q)), q).toThrow(expect.objectContaining({ body: expect.objectContaining({ status: 400 }) }));
    }
  });
});
