import { CoreV1Api, type V1Pod } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminKubeConfig, ensureClusterUp, readToken } from '@/cluster/state';
import { pollUntil, statusOf } from '@/cluster/test-helpers';
import { expirePodsFromOne, newCalls, observed, recorder } from './testing/observe';

// listWatch against the local API server through the real adapter (upstream.ts): pages of one over real pods, the
// watch that runs while the listing is still paging, a real watch timeout, a real 410 for pods once etcd has been
// compacted, a real expired continue token, and a real 403. The upstream is only observed (testing/observe.ts);
// effects are made and read with client-node as the cluster admin, in a namespace of this run's own.

vi.mock('server-only', () => ({}));
const { listWatch } = await import('./list-watch');
const { userUpstream, watchEvents } = await import('./upstream');

const ns = `int-watch-${randomBytes(3).toString('hex')}`;
const core = () => adminKubeConfig().makeApiClient(CoreV1Api);
const podBody = (name: string): V1Pod => ({ metadata: { name, labels: { app: 'int-watch' } }, spec: { nodeName: 'kwok-node-0', containers: [{ name: 'c', image: 'nginx:alpine' }] } });
const createPod = (name: string) => core().createNamespacedPod({ namespace: ns, body: podBody(name) });
const deletePod = (name: string) => core().deleteNamespacedPod({ namespace: ns, name, gracePeriodSeconds: 0 });
const uidOf = async (name: string) => (await core().readNamespacedPod({ namespace: ns, name })).metadata!.uid!;

/** Waits for a condition with a generous bound (the machine may be busy); fails with the last state if it never holds. */
async function until(cond: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const ok = await pollUntil(async () => cond(), (v) => v, timeoutMs, 25);
  if (!ok) console.log(what, JSON.stringify(debug));
  expect(ok, what).toBe(true);
}

const admin = () => readToken('admin-user');

/** What the real upstream gets for a watch of this namespace's pods from resourceVersion 1: 410, or 200 if served. */
async function watchFromOneStatus(): Promise<number> {
  const stop = new AbortController();
  try {
    for await (const ev of watchEvents(admin(), 'pods', { namespace: ns }, '1', 1, stop.signal)) {
      if (ev) break;
    }
    return 200;
  } catch (e) {
    return (e as { body?: { status?: number } }).body?.status ?? -1;
  } finally {
    stop.abort();
  }
}
/** etcd's own answer for resourceVersion 1 (an exact-version LIST is not served from the watch cache). */
const exactListStatus = () => statusOf(() => core().listNamespacedPod({ namespace: ns, resourceVersion: '1', resourceVersionMatch: 'Exact', limit: 1 }));
const touchPod = (n: number) => core().patchNamespacedPod({ namespace: ns, name: 'p-a', body: [{ op: 'add', path: '/metadata/annotations', value: { churn: String(n) } }] });
let uids: Record<string, string> = {};
const debug: unknown[] = [];

describe('listWatch (real API server, real upstream)', () => {
  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
    await core().createNamespace({ body: { metadata: { name: ns } } });
    await pollUntil(() => statusOf(() => core().readNamespacedServiceAccount({ namespace: ns, name: 'default' })), (s) => s === 200, 60_000);
    for (const name of ['p-a', 'p-b', 'p-c']) await createPod(name);
    uids = Object.fromEntries(await Promise.all(['p-a', 'p-b', 'p-c'].map(async (n) => [n, await uidOf(n)])));
  });
  afterAll(async () => {
    await core().deleteNamespace({ name: ns }).catch(() => undefined);
  });

  it('pages of one over real pods, then the watch from the first page brings changes with resume ids', async () => {
    const calls = newCalls();
    const { sink, log, pages } = recorder();
    debug.splice(0, debug.length, log, calls);
    const stop = new AbortController();
    const run = listWatch({ kind: 'pods', upstream: observed(userUpstream(admin(), 'pods', { namespace: ns }), calls, 'admin'), sink, signal: stop.signal, firstPage: 1, pageSize: 1 });
    await until(() => log.some((l) => l.endsWith(':done')), 'the listing ends');
    expect(log).toEqual(['relist:initial', 'page:p-a', 'page:p-b', 'page:p-c:done']);
    expect(calls.log.filter((c) => c.startsWith('list'))).toEqual(['list:admin@-', 'list:admin@continue', 'list:admin@continue']);
    expect(pages[0].info.total).toBe(3); // remainingItemCount from the real server
    expect(pages.at(-1)!.info.resourceVersion).toMatch(/^\d+$/);
    await until(() => calls.watchedFrom.length === 1, 'the watch starts');
    await createPod('p-d');
    await until(() => log.includes('upsert:p-d@rv'), 'the new pod arrives with its resourceVersion');
    await deletePod('p-d');
    await until(() => log.some((l) => l.startsWith('delete:') && l.endsWith('@rv')), 'the deletion arrives');
    stop.abort();
    await run;
    expect(calls.failures).toEqual([]);
  });

  it('while the listing is still paging, the watch reports changes at once and the later pages skip them', async () => {
    const calls = newCalls();
    const { sink, log } = recorder();
    debug.splice(0, debug.length, log, calls);
    const stop = new AbortController();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let gated = false;
    const upstream = observed(userUpstream(admin(), 'pods', { namespace: ns }), calls, 'admin', {
      // The second page waits until the test has changed p-b and deleted p-c (both still in the listing's snapshot).
      list: async (cont) => {
        if (cont && !gated) {
          gated = true;
          await gate;
        }
        return cont;
      },
    });
    const run = listWatch({ kind: 'pods', upstream, sink, signal: stop.signal, firstPage: 1, pageSize: 5 });
    await until(() => gated && calls.watchedFrom.length === 1, 'first page listed, watch running, second page held');
    await core().patchNamespacedPod({ namespace: ns, name: 'p-b', body: [{ op: 'add', path: '/metadata/labels/changed', value: 'yes' }] });
    await deletePod('p-c');
    await until(() => log.includes('upsert:p-b') && log.includes(`delete:${uids['p-c']}`), 'the watch reports both during the listing');
    release();
    await until(() => log.some((l) => l.endsWith(':done')), 'the listing ends');
    // No resume ids while listing (a graceful delete may first report p-c modified); the last page no longer carries
    // p-b (newer from the watch) or p-c (deleted).
    expect(log.slice(0, 2)).toEqual(['relist:initial', 'page:p-a']);
    expect(log.at(-1)).toBe('page::done');
    const during = log.slice(2, -1);
    expect(during).toEqual(expect.arrayContaining(['upsert:p-b', `delete:${uids['p-c']}`]));
    expect(during.filter((l) => !['upsert:p-b', 'upsert:p-c', `delete:${uids['p-c']}`].includes(l))).toEqual([]);
    stop.abort();
    await run;
    await createPod('p-c');
  });

  it('a watch the API server ends (its timeoutSeconds) resumes from the last resourceVersion, without listing', async () => {
    const calls = newCalls();
    const { sink, log } = recorder();
    debug.splice(0, debug.length, log, calls);
    const stop = new AbortController();
    const real = userUpstream(admin(), 'pods', { namespace: ns });
    const shortWatches = { list: real.list, watch: (rv: string, signal: AbortSignal) => watchEvents(admin(), 'pods', { namespace: ns }, rv, 1, signal) };
    const run = listWatch({ kind: 'pods', upstream: observed(shortWatches, calls, 'admin'), sink, signal: stop.signal });
    await until(() => calls.watchedFrom.length >= 3, 'three watches, each ended by the server after 1 s', 90_000);
    await createPod('p-e');
    await until(() => log.includes('upsert:p-e@rv'), 'a change after the timeouts still arrives');
    stop.abort();
    await run;
    expect(calls.log.filter((c) => c.startsWith('list'))).toEqual(['list:admin@-']);
    expect(log.filter((l) => l.startsWith('relist'))).toEqual(['relist:initial']);
    // Each resumed watch starts at or after where the previous one was.
    const rvs = calls.watchedFrom.map(Number);
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
    expect(calls.failures).toEqual([]);
    await deletePod('p-e');
  });

  it('resuming pods from a resourceVersion etcd has compacted gets a real 410 and relists', async () => {
    expect(await expirePodsFromOne({ exactListStatus, watchStatus: watchFromOneStatus, touchPod, poll: pollUntil })).toEqual({ etcd: 410, watch: 410 });
    const calls = newCalls();
    const { sink, log } = recorder();
    debug.splice(0, debug.length, log, calls);
    const stop = new AbortController();
    const run = listWatch({ kind: 'pods', upstream: observed(userUpstream(admin(), 'pods', { namespace: ns }), calls, 'admin'), sink, signal: stop.signal, resumeFrom: '1' });
    await until(() => log.some((l) => l.endsWith(':done')), 'the relisting ends');
    stop.abort();
    await run;
    expect(calls.failures, JSON.stringify(calls)).toEqual([410]);
    expect(calls.log.slice(0, 3)).toEqual(['watch:admin', 'list:admin@-', 'watch:admin']);
    expect(calls.watchedFrom[0]).toBe('1');
    expect(log[0]).toBe('relist:expired');
    expect(log.at(-1)).toMatch(/^page:.*p-a.*:done$/);
  }, 300_000);

  it('an expired continue token (a real 410 from the server) starts the listing again', async () => {
    const calls = newCalls();
    const { sink, log } = recorder();
    debug.splice(0, debug.length, log, calls);
    const stop = new AbortController();
    let swapped = false;
    const upstream = observed(userUpstream(admin(), 'pods', { namespace: ns }), calls, 'admin', {
      // The first continue token is sent back with its resourceVersion set to 1, which etcd has compacted (above).
      list: (cont) => {
        if (!cont || swapped) return cont;
        swapped = true;
        const token = JSON.parse(Buffer.from(cont, 'base64url').toString()) as { rv: number };
        return Buffer.from(JSON.stringify({ ...token, rv: 1 })).toString('base64url');
      },
    });
    const run = listWatch({ kind: 'pods', upstream, sink, signal: stop.signal, firstPage: 1, pageSize: 1 });
    await until(() => log.some((l) => l.endsWith(':done')), 'the listing ends');
    stop.abort();
    await run;
    expect(calls.failures).toEqual([410]);
    expect(log.slice(0, 3)).toEqual(['relist:initial', 'page:p-a', 'relist:expired']);
    expect(log.at(-1)).toMatch(/:done$/);
  });

  it('a real 403 (team-a token on kube-system) ends the run without relisting or watching', async () => {
    const calls = newCalls();
    const { sink, log } = recorder();
    debug.splice(0, debug.length, log, calls);
    const upstream = observed(userUpstream(readToken('team-a-editor'), 'pods', { namespace: 'kube-system' }), calls, 'team-a');
    await expect(listWatch({ kind: 'pods', upstream, sink, signal: new AbortController().signal })).rejects.toMatchObject({
      body: { status: 403, reason: 'Forbidden', message: expect.stringContaining('system:serviceaccount:team-a:editor') },
    });
    expect(log).toEqual(['relist:initial']);
    expect(calls.log).toEqual(['list:team-a@-']);
  });
});
