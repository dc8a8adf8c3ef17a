import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorBody } from '@/lib/k8s/errors';
import { Informer, RESTARTING, type Subscriber } from './informer';
import { informerStats, joinInformer, type InformerDeps } from './informers';
import { expired, fakeApi, pod, until } from './testing/fake-api';
import { RowDecoder, SseParser, type DeleteData, type SnapshotData } from './wire';

// Shared informers: one upstream per scope, replay from memory, the owner's token, access reviews per user.

/** A subscriber that decodes the bytes it is sent into the same log lines as the list-watch tests' recorder. */
function subscriber(id: string, token = `token-${id}`) {
  const log: string[] = [];
  const failures: ApiErrorBody[] = [];
  const parser = new SseParser();
  const decoder = new RowDecoder();
  const utf8 = new TextDecoder();
  const at = (rv?: string) => (rv ? `@${rv}` : '');
  const names = (d: SnapshotData) => {
    decoder.use(d.fields);
    return d.rows.map((r) => decoder.decode<{ name: string }>(r).name);
  };
  const write = (bytes: Uint8Array) => {
    for (const f of parser.push(utf8.decode(bytes))) {
      const d = JSON.parse(f.data);
      if (f.event === 'relist') log.push(`relist:${d.reason}`);
      else if (f.event === 'snapshot') log.push(`page:${names(d).join(',')}${d.done ? `:done${at(f.id)}` : ''}`);
      else if (f.event === 'upsert') names(d).forEach((n) => log.push(`upsert:${n}${at(f.id)}`));
      else if (f.event === 'delete') (d as DeleteData).uids.forEach((u) => log.push(`delete:${u}${at(f.id)}`));
      else if (f.event === 'bookmark') log.push(`bookmark${at(f.id)}`);
    }
  };
  const sub: Subscriber = { id, token, write, fail: (e) => failures.push(e) };
  return { sub, log, failures };
}
const done = (log: string[]) => log.some((l) => l.includes('done'));

describe('Informer', () => {
  it('lists once for everyone and replays from memory to whoever joins later', async () => {
    const api = fakeApi([pod('a', '5'), pod('b', '6')]);
    const inf = new Informer('pods', api.forToken);
    const first = subscriber('1');
    inf.join(first.sub);
    await until(() => done(first.log));
    const second = subscriber('2');
    inf.join(second.sub);
    expect(second.log).toEqual(['relist:initial', 'page:a,b', 'page::done@10']);
    expect(api.tokens).toEqual(['list:token-1', 'watch:token-1@10']);
    api.watches[0].w.push({ type: 'ADDED', object: pod('c', '11') });
    await until(() => second.log.length === 4);
    expect(first.log.at(-1)).toBe('upsert:c@11');
    expect(second.log.at(-1)).toBe('upsert:c@11');
    inf.leave('1');
    inf.leave('2');
  });

  it('resumes the watch with the next user’s token when the owner leaves', async () => {
    const api = fakeApi([pod('a', '5')]);
    const inf = new Informer('pods', api.forToken);
    const a = subscriber('a');
    const b = subscriber('b');
    inf.join(a.sub);
    inf.join(b.sub);
    await until(() => done(b.log));
    api.watches[0].w.push({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '20' } } });
    await until(() => b.log.includes('bookmark@20'));
    inf.leave('a');
    await until(() => api.watches.length === 2);
    expect(api.tokens).toEqual(['list:token-a', 'watch:token-a@10', 'watch:token-b@20']);
    inf.leave('b');
  });

  it('after a 410 relist, tells late joiners which replayed rows are gone', async () => {
    const api = fakeApi([pod('a', '5'), pod('b', '6')]);
    const inf = new Informer('pods', api.forToken);
    const early = subscriber('early');
    inf.join(early.sub);
    await until(() => done(early.log));
    let release!: () => void;
    const list = api.upstream.list;
    api.upstream.list = async (limit, cont, signal) => {
      await new Promise<void>((r) => (release = r));
      return list(limit, cont, signal);
    };
    api.setItems([pod('b', '30')], '40');
    api.watches[0].w.push(expired());
    await until(() => early.log.includes('relist:expired') && !!release);
    const late = subscriber('late');
    inf.join(late.sub);
    expect(late.log).toEqual(['relist:initial', 'page:a,b']);
    release();
    await until(() => late.log.filter((l) => l.includes('done')).length === 1);
    expect(late.log.slice(2)).toEqual(['delete:uid-a', 'page:b:done@40']);
    expect(early.log.slice(-2)).toEqual(['delete:uid-a', 'page:b:done@40']);
    inf.leave('early');
    inf.leave('late');
  });

  it('ends every connection with a neutral error when the upstream fails', async () => {
    const api = fakeApi([pod('a', '5')]);
    const inf = new Informer('pods', api.forToken);
    let closed = false;
    inf.onClosed = () => (closed = true);
    const a = subscriber('a');
    const b = subscriber('b');
    inf.join(a.sub);
    inf.join(b.sub);
    await until(() => api.watches.length === 1);
    api.watches[0].w.push(new ApiError({ status: 401, reason: 'Unauthorized', message: 'token of user a expired' }));
    await until(() => closed);
    expect(a.failures).toEqual([RESTARTING]);
    expect(b.failures).toEqual([RESTARTING]);
  });
});

describe('joinInformer', () => {
  const leaves: (() => void)[] = [];
  afterEach(() => leaves.splice(0).forEach((l) => l()));

  it('joins after the access review, shares one informer per scope, and refuses denied users', async () => {
    const api = fakeApi([pod('a', '5')]);
    const allowed = new Set(['token-admin', 'token-viewer']);
    const deps: InformerDeps = {
      denial: async (token, username) => (allowed.has(token) ? undefined : { status: 403, reason: 'Forbidden', message: `pods is forbidden: User "${username}" cannot list` }),
      upstream: (token) => api.forToken(token),
      recheckMs: 20,
    };
    const scope = { namespace: 'kube-system' };
    const admin = subscriber('admin');
    const viewer = subscriber('viewer');
    leaves.push(await joinInformer({ kind: 'pods', scope, username: 'admin', subscriber: admin.sub }, deps));
    leaves.push(await joinInformer({ kind: 'pods', scope, username: 'viewer', subscriber: viewer.sub }, deps));
    expect(informerStats()).toEqual({ informers: 1, subscribers: 2 });
    const editor = subscriber('editor');
    await expect(joinInformer({ kind: 'pods', scope, username: 'team-a-editor', subscriber: editor.sub }, deps)).rejects.toMatchObject({
      body: { status: 403, message: 'pods is forbidden: User "team-a-editor" cannot list' },
    });
    expect(editor.log).toEqual([]);
    // Losing the permission ends that user's stream at the next check.
    allowed.delete('token-viewer');
    await until(() => viewer.failures.length > 0);
    expect(viewer.failures[0]).toMatchObject({ status: 403, message: expect.stringContaining('"viewer"') });
    expect(admin.failures).toEqual([]);
  });

  it('bounds the distinct scopes one user may start (made-up label selectors), not the joining of running ones', async () => {
    const api = fakeApi([pod('a', '5')]);
    const deps: InformerDeps = { denial: async () => undefined, upstream: (token) => api.forToken(token) };
    for (let i = 0; i < 20; i++) {
      leaves.push(await joinInformer({ kind: 'pods', scope: { labelSelector: `x=${i}` }, username: 'flooder', subscriber: subscriber(`f${i}`).sub }, deps));
    }
    await expect(joinInformer({ kind: 'pods', scope: { labelSelector: 'x=20' }, username: 'flooder', subscriber: subscriber('f20').sub }, deps)).rejects.toMatchObject({ body: { status: 429 } });
    // The same user joining a scope they already hold is fine, and so is someone else.
    leaves.push(await joinInformer({ kind: 'pods', scope: { labelSelector: 'x=3' }, username: 'flooder', subscriber: subscriber('f3b').sub }, deps));
    leaves.push(await joinInformer({ kind: 'pods', scope: { labelSelector: 'x=20' }, username: 'other', subscriber: subscriber('o').sub }, deps));
    expect(informerStats().informers).toBe(21);
    // Leaving frees the user's place.
    leaves.shift()!();
    leaves.push(await joinInformer({ kind: 'pods', scope: { labelSelector: 'x=21' }, username: 'flooder', subscriber: subscriber('f21').sub }, deps));
  });
});

