import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/k8s/errors';
import { listWatch } from './list-watch';
import { expired, fakeApi, pod, recorder, until } from './testing/fake-api';

// list-watch against a scripted API server: paging, watch during listing, 410 relists, resume, failures.

describe('listWatch', () => {
  it('lists page by page, then streams changes with resume ids', async () => {
    const api = fakeApi([pod('a', '5'), pod('b', '6'), pod('c', '7')]);
    const { sink, log, pages } = recorder();
    const stop = new AbortController();
    const run = listWatch({ kind: 'pods', upstream: api.upstream, sink, signal: stop.signal, firstPage: 2, pageSize: 2 });
    await until(() => log.some((l) => l.includes('done')));
    expect(log).toEqual(['relist:initial', 'page:a,b', 'page:c:done@10']);
    expect(pages[0].info.total).toBe(3);
    expect(api.watches[0].from).toBe('10');
    api.watches[0].w.push({ type: 'ADDED', object: pod('d', '11') });
    api.watches[0].w.push({ type: 'DELETED', object: pod('a', '12') });
    api.watches[0].w.push({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '15' } } });
    await until(() => log.length === 6);
    expect(log.slice(3)).toEqual(['upsert:d@11', 'delete:uid-a@12', 'bookmark@15']);
    // The API server ends the watch: it resumes from the last resourceVersion, without listing again.
    api.watches[0].w.push('end');
    await until(() => api.watches.length === 2);
    expect(api.watches[1].from).toBe('15');
    expect(api.lists).toHaveLength(2);
    stop.abort();
    await run;
  });

  it('skips page items the watch already reported while the listing was running', async () => {
    const api = fakeApi([pod('a', '5'), pod('b', '6'), pod('c', '7')]);
    const { sink, log } = recorder();
    const stop = new AbortController();
    let releasePage!: () => void;
    const slow = api.upstream.list;
    api.upstream.list = async (limit, cont, signal) => {
      if (cont) await new Promise<void>((r) => (releasePage = r));
      return slow(limit, cont, signal);
    };
    const run = listWatch({ kind: 'pods', upstream: api.upstream, sink, signal: stop.signal, firstPage: 1, pageSize: 5 });
    await until(() => api.watches.length === 1 && !!releasePage);
    api.watches[0].w.push({ type: 'MODIFIED', object: { ...pod('b', '11'), status: { phase: 'Failed' } } });
    api.watches[0].w.push({ type: 'DELETED', object: pod('c', '12') });
    await until(() => log.length === 4);
    releasePage();
    await until(() => log.some((l) => l.includes('done')));
    // No resume ids while listing; the done page skips b (newer from the watch) and c (deleted).
    expect(log).toEqual(['relist:initial', 'page:a', 'upsert:b', 'delete:uid-c', 'page::done@12']);
    stop.abort();
    await run;
  });

  it('relists when the watch says 410 Gone', async () => {
    const api = fakeApi([pod('a', '5')]);
    const { sink, log } = recorder();
    const stop = new AbortController();
    const run = listWatch({ kind: 'pods', upstream: api.upstream, sink, signal: stop.signal });
    await until(() => api.watches.length === 1);
    api.setItems([pod('b', '20')], '30');
    api.watches[0].w.push(expired());
    await until(() => log.filter((l) => l.includes('done')).length === 2);
    expect(log).toEqual(['relist:initial', 'page:a:done@10', 'relist:expired', 'page:b:done@30']);
    expect(api.watches[1].from).toBe('30');
    stop.abort();
    await run;
  });

  it('resumes from a resourceVersion without listing, and relists if it is too old', async () => {
    const api = fakeApi([pod('a', '5')], '40');
    const { sink, log } = recorder();
    const stop = new AbortController();
    const run = listWatch({ kind: 'pods', upstream: api.upstream, sink, signal: stop.signal, resumeFrom: '1' });
    await until(() => api.watches.length === 1);
    expect(api.watches[0].from).toBe('1');
    expect(api.lists).toEqual([]);
    api.watches[0].w.push(expired());
    await until(() => log.some((l) => l.includes('done')));
    expect(log).toEqual(['relist:expired', 'page:a:done@40']);
    stop.abort();
    await run;
  });

  it('relists when a continue token expired', async () => {
    const api = fakeApi([pod('a', '5'), pod('b', '6')]);
    const { sink, log } = recorder();
    const stop = new AbortController();
    const list = api.upstream.list;
    let failed = false;
    api.upstream.list = async (limit, cont, signal) => {
      if (cont && !failed) {
        failed = true;
        throw expired();
      }
      return list(limit, cont, signal);
    };
    const run = listWatch({ kind: 'pods', upstream: api.upstream, sink, signal: stop.signal, firstPage: 1, pageSize: 1 });
    await until(() => log.some((l) => l.includes('done')));
    expect(log).toEqual(['relist:initial', 'page:a', 'relist:expired', 'page:a', 'page:b:done@10']);
    stop.abort();
    await run;
  });

  it('throws other failures (403) without relisting', async () => {
    const api = fakeApi([]);
    api.failLists(new ApiError({ status: 403, reason: 'Forbidden', message: 'pods is forbidden' }));
    const { sink, log } = recorder();
    await expect(listWatch({ kind: 'pods', upstream: api.upstream, sink, signal: new AbortController().signal })).rejects.toMatchObject({ body: { status: 403 } });
    expect(log).toEqual(['relist:initial']);
    expect(api.watches).toEqual([]);
  });
});
