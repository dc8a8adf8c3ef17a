import { CoreV1Api, RbacAuthorizationV1Api, type V1Pod } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminKubeConfig, ensureClusterUp, readToken, signServiceAccountToken } from '@/cluster/state';
import { pollUntil, statusOf } from '@/cluster/test-helpers';
import type { ApiErrorBody } from '@/lib/k8s/errors';
import type { Scope } from './events';
import { expirePodsFromOne, newCalls, observed, type Calls, type Rewrite } from './testing/observe';
import { RowDecoder, SseParser, type DeleteData, type SnapshotData } from './wire';

// Shared informers against the local API server, each user with their own real token: one listing for everyone and
// replay from memory, owner hand-off between two real tokens, a late joiner after a real 410 relist, a real 401 that
// ends every connection neutrally, and the access review (a real 403 for team-a on kube-system). The upstream is the
// real one (upstream.ts), only observed; cluster effects are made with client-node as the admin.

vi.mock('server-only', () => ({}));
const { Informer, RESTARTING } = await import('./informer');
const { informerStats, joinInformer } = await import('./informers');
const { userUpstream, watchEvents } = await import('./upstream');
const { watchDenial } = await import('./access-review');

const ns = `int-informer-${randomBytes(3).toString('hex')}`;
const scope: Scope = { namespace: ns };
const core = () => adminKubeConfig().makeApiClient(CoreV1Api);
const podBody = (name: string): V1Pod => ({ metadata: { name }, spec: { nodeName: 'kwok-node-0', containers: [{ name: 'c', image: 'nginx:alpine' }] } });
const createPod = (name: string) => core().createNamespacedPod({ namespace: ns, body: podBody(name) });
const deletePod = (name: string) => core().deleteNamespacedPod({ namespace: ns, name, gracePeriodSeconds: 0 });

async function until(cond: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  expect(await pollUntil(async () => cond(), (v) => v, timeoutMs, 25), what).toBe(true);
}

/** A subscriber that decodes the SSE bytes it is sent into log lines (names, `@rv` when a resume id came with it). */
function subscriber(id: string, token: string) {
  const log: string[] = [];
  const failures: ApiErrorBody[] = [];
  const parser = new SseParser();
  const decoder = new RowDecoder();
  const utf8 = new TextDecoder();
  const at = (rv?: string) => (rv ? '@rv' : '');
  const names = (d: SnapshotData) => {
    decoder.use(d.fields);
    return d.rows.map((r) => decoder.decode<{ name: string }>(r).name);
  };
  const write = (bytes: Uint8Array) => {
    for (const f of parser.push(utf8.decode(bytes))) {
      const d = JSON.parse(f.data);
      if (f.event === 'relist') log.push(`relist:${d.reason}`);
      else if (f.event === 'snapshot') log.push(`page:${names(d).sort().join(',')}${d.done ? `:done${at(f.id)}` : ''}`);
      else if (f.event === 'upsert') names(d).forEach((n) => log.push(`upsert:${n}${at(f.id)}`));
      else if (f.event === 'delete') (d as DeleteData).uids.forEach((u) => log.push(`delete:${u}`));
      else if (f.event === 'bookmark') log.push('bookmark');
    }
  };
  return { sub: { id, token, write, fail: (e: ApiErrorBody) => failures.push(e) }, log, failures };
}
const done = (log: string[]) => log.filter((l) => l.includes(':done')).length;
const tokenName = new Map<string, string>();
/** The real upstream for a token, observed; `shortWatches` makes the API server end each watch after 1 s. */
const upstreamFor = (calls: Calls, shortWatches = false, rewrite?: Rewrite) => (token: string) => {
  const real = userUpstream(token, 'pods', scope);
  const up = shortWatches ? { list: real.list, watch: (rv: string, s: AbortSignal) => watchEvents(token, 'pods', scope, rv, 1, s) } : real;
  return observed(up, calls, tokenName.get(token) ?? 'unknown', rewrite);
};
async function watchFromOneStatus(): Promise<number> {
  const stop = new AbortController();
  try {
    for await (const ev of watchEvents(readToken('admin-user'), 'pods', scope, '1', 1, stop.signal)) if (ev) break;
    return 200;
  } catch (e) {
    return (e as { body?: { status?: number } }).body?.status ?? -1;
  } finally {
    stop.abort();
  }
}
const exactListStatus = () => statusOf(() => core().listNamespacedPod({ namespace: ns, resourceVersion: '1', resourceVersionMatch: 'Exact', limit: 1 }));
const touchPod = (n: number) => core().patchNamespacedPod({ namespace: ns, name: 'p-b', body: [{ op: 'add', path: '/metadata/annotations', value: { churn: String(n) } }] });
let uidA = '';

describe('Informer and joinInformer (real API server, real tokens)', () => {
  const leave: (() => void)[] = [];
  afterEach(() => leave.splice(0).forEach((l) => l()));

  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
    await core().createNamespace({ body: { metadata: { name: ns } } });
    await pollUntil(() => statusOf(() => core().readNamespacedServiceAccount({ namespace: ns, name: 'default' })), (s) => s === 200, 60_000);
    for (const name of ['p-a', 'p-b']) await createPod(name);
    uidA = (await core().readNamespacedPod({ namespace: ns, name: 'p-a' })).metadata!.uid!;
    // An account of this run's own that may view the namespace: deleting it makes its token a real 401.
    await core().createNamespacedServiceAccount({ namespace: ns, body: { metadata: { name: 'shortlived' } } });
    await adminKubeConfig().makeApiClient(RbacAuthorizationV1Api).createNamespacedRoleBinding({
      namespace: ns,
      body: { metadata: { name: 'shortlived-view' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'shortlived', namespace: ns }] },
    });
    tokenName.set(readToken('admin-user'), 'admin').set(readToken('viewer'), 'viewer');
  });
  afterAll(async () => {
    await core().deleteNamespace({ name: ns }).catch(() => undefined);
  });

  it('lists once for everyone and replays from memory to whoever joins later', async () => {
    const calls = newCalls();
    const inf = new Informer('pods', upstreamFor(calls));
    const first = subscriber('1', readToken('admin-user'));
    inf.join(first.sub);
    leave.push(() => inf.leave('1'));
    await until(() => done(first.log) === 1, 'first listing');
    const second = subscriber('2', readToken('viewer'));
    inf.join(second.sub);
    leave.push(() => inf.leave('2'));
    expect(second.log).toEqual(['relist:initial', 'page:p-a,p-b', 'page::done@rv']);
    await until(() => calls.watchedFrom.length === 1, 'the watch starts');
    await createPod('p-c');
    await until(() => second.log.includes('upsert:p-c@rv') && first.log.includes('upsert:p-c@rv'), 'both get the new pod');
    expect(calls.log).toEqual(['list:admin@-', 'watch:admin']);
    await deletePod('p-c');
  });

  it('the watch resumes with the next user’s token when the owner leaves, from where it was', async () => {
    const calls = newCalls();
    const inf = new Informer('pods', upstreamFor(calls));
    const a = subscriber('a', readToken('admin-user'));
    const b = subscriber('b', readToken('viewer'));
    inf.join(a.sub);
    inf.join(b.sub);
    leave.push(() => inf.leave('b'));
    await until(() => done(b.log) === 1 && calls.watchedFrom.length === 1, 'listed and watching with the owner’s token');
    await createPod('p-d');
    await until(() => b.log.includes('upsert:p-d@rv'), 'a change under the first owner');
    inf.leave('a');
    await until(() => calls.watchedFrom.length === 2, 'the watch restarts');
    expect(calls.log).toEqual(['list:admin@-', 'watch:admin', 'watch:viewer']);
    expect(Number(calls.watchedFrom[1])).toBeGreaterThan(Number(calls.watchedFrom[0]));
    await deletePod('p-d');
    await until(() => b.log.some((l) => l.startsWith('delete:')), 'a change under the new owner');
    expect(b.failures).toEqual([]);
  });

  it('after a real 410 relist, a late joiner is told which replayed rows are gone', async () => {
    expect(await expirePodsFromOne({ exactListStatus, watchStatus: watchFromOneStatus, touchPod, poll: pollUntil })).toEqual({ etcd: 410, watch: 410 });
    const calls = newCalls();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // Watches end after 1 s; the first resume asks for resourceVersion 1, which the API server no longer has (410).
    // The relisting's first page then waits until the test has deleted p-a and a late subscriber has joined.
    let resumed = false;
    const inf = new Informer('pods', upstreamFor(calls, true, {
      watch: (rv) => (calls.watchedFrom.length === 2 && !resumed ? ((resumed = true), '1') : rv),
      list: async (cont) => {
        if (calls.failures.includes(410)) await gate;
        return cont;
      },
    }));
    const early = subscriber('early', readToken('admin-user'));
    inf.join(early.sub);
    leave.push(() => inf.leave('early'));
    await until(() => done(early.log) === 1, 'first listing');
    await until(() => early.log.includes('relist:expired'), 'the real 410 starts a relist');
    await deletePod('p-a');
    const late = subscriber('late', readToken('viewer'));
    inf.join(late.sub);
    leave.push(() => inf.leave('late'));
    expect(late.log).toEqual(['relist:initial', 'page:p-a,p-b']);
    release();
    await until(() => done(late.log) === 1, 'the relisting ends');
    expect(late.log.slice(2)).toEqual([`delete:${uidA}`, 'page:p-b:done@rv']);
    expect(early.log.slice(-2)).toEqual([`delete:${uidA}`, 'page:p-b:done@rv']);
    await createPod('p-a');
  }, 300_000);

  it('a real 401 (the owner’s ServiceAccount deleted) ends every connection with a neutral error', async () => {
    const calls = newCalls();
    const short = await signServiceAccountToken({ namespace: ns, name: 'shortlived', expiresInSeconds: 600 });
    tokenName.set(short, 'shortlived');
    const inf = new Informer('pods', upstreamFor(calls, true));
    let closed = false;
    inf.onClosed = () => (closed = true);
    const owner = subscriber('owner', short);
    const other = subscriber('other', readToken('admin-user'));
    inf.join(owner.sub);
    inf.join(other.sub);
    await until(() => done(other.log) === 1, 'listed with the owner’s token');
    await core().deleteNamespacedServiceAccount({ namespace: ns, name: 'shortlived' });
    await until(() => closed, 'the next watch is refused and the informer closes', 90_000);
    expect(calls.failures).toContain(401);
    expect(owner.failures).toEqual([RESTARTING]);
    expect(other.failures).toEqual([RESTARTING]);
  });

  it('joins only after the access review: a real 403 for team-a on kube-system, one informer per scope', async () => {
    const deps = { denial: watchDenial, upstream: (token: string, kind: 'pods', s: Scope) => userUpstream(token, kind, s) };
    const sys: Scope = { namespace: 'kube-system' };
    const admin = subscriber('sys-admin', readToken('admin-user'));
    const viewer = subscriber('sys-viewer', readToken('viewer'));
    const before = informerStats().informers;
    leave.push(await joinInformer({ kind: 'pods', scope: sys, username: 'admin', subscriber: admin.sub }, deps));
    leave.push(await joinInformer({ kind: 'pods', scope: sys, username: 'viewer', subscriber: viewer.sub }, deps));
    expect(informerStats().informers).toBe(before + 1);
    const editor = subscriber('sys-editor', readToken('team-a-editor'));
    await expect(joinInformer({ kind: 'pods', scope: sys, username: 'system:serviceaccount:team-a:editor', subscriber: editor.sub }, deps)).rejects.toMatchObject({
      body: { status: 403, reason: 'Forbidden', message: expect.stringContaining('"system:serviceaccount:team-a:editor" cannot list') },
    });
    expect(editor.log).toEqual([]);
    await until(() => done(viewer.log) === 1, 'the allowed users are served');
    expect(admin.failures).toEqual([]);
  });
});
