import { CoreV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminKubeConfig, ensureClusterUp, readToken, signServiceAccountToken } from '@/cluster/state';
import { pollUntil } from '@/cluster/test-helpers';
import { recorder } from './watch/testing/observe';
import { ApiError } from './errors';
import type { TableKind } from './resources';
import { kubeRequest, kubeRequestBytes } from './client';
import { METADATA_LIST_PROTOBUF_ACCEPT, metadataListOf } from './metadata-list';
import { joinTableMetadata, METADATA_LIST_ACCEPT, TABLE_ACCEPT, tableItems, tableRow, type MetadataList, type RowMetadata, type Table, type TableRow } from './table';
import { listRequest } from './watch/upstream';

// A bulk walk (limit ≥ 1,000) of a Table-backed kind, and a live list's rest after its first page, against the local
// API server: the collection is read once (rows and metadata side by side, bulkTableRead in lib/k8s/watch/upstream.ts)
// and a walk's rest is held for its `s:` continue tokens (lib/k8s/list-snapshot.ts). The rows must be exactly those
// of small pages, which read the Table with metadata and follow the API server's own tokens; held rows go only to
// their user, for their list, while the user may still list them.

vi.mock('server-only', () => ({}));
const { listRowPage, pageQueryParams } = await import('./list-page');
const { listWatch } = await import('./watch/list-watch');
const { userUpstream } = await import('./watch/upstream');

const ns = `int-bulk-${randomBytes(3).toString('hex')}`;
const SECRETS = 1100;
const secrets: TableKind = { name: 'secrets', kind: 'Secret', group: '', version: 'v1', plural: 'secrets', namespaced: true };
const core = () => adminKubeConfig().makeApiClient(CoreV1Api);
const params = (q: string) => pageQueryParams(new URLSearchParams(q))!;
const page = (token: string, q: string, scope = { namespace: ns }) => listRowPage(token, secrets, scope, params(q));

async function walk(token: string, limit: number) {
  const pages = [];
  let cont: string | undefined;
  do {
    pages.push(await page(token, `limit=${limit}${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`));
    cont = pages[pages.length - 1].continue;
  } while (cont && pages.length < 20);
  return pages;
}

/** A row without its AGE cell, which the API server prints relative to when it answered. */
const settled = (columns: { name: string }[]) => {
  const age = columns.findIndex((c) => c.name === 'Age');
  return (r: TableRow) => ({ ...r, cells: r.cells.filter((_, i) => i !== age) });
};

describe('a bulk walk of a Table-backed kind (real API server)', () => {
  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
    await core().createNamespace({ body: { metadata: { name: ns } } });
    const owner = await core().createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'owner' } } });
    // The first few have an owner, every other one as its controller: rows link to controllers.
    const ownedBy = (i: number) => (i < 6 ? { ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata!.uid!, controller: i % 2 === 0 }] } : {});
    const names = Array.from({ length: SECRETS }, (_, i) => `s-${String(i).padStart(4, '0')}`);
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(names.slice(i, i + 50).map((name, j) => core().createNamespacedSecret({ namespace: ns, body: { metadata: { name, labels: { n: name }, ...ownedBy(i + j) }, stringData: { k: name } } })));
    }
  }, 180_000);
  afterAll(async () => {
    await core().deleteNamespace({ name: ns }).catch(() => undefined);
  });

  it('pages one read of the collection: the same rows as small pages, with columns, total and s: tokens', async () => {
    const admin = readToken('admin-user');
    const bulk = await walk(admin, 1000);
    expect(bulk.map((p) => p.rows.length)).toEqual([1000, SECRETS - 1000]);
    expect(bulk[0].continue).toMatch(/^s:[\w-]{16}:0$/);
    expect(bulk[1].continue).toBeUndefined();
    expect(bulk[0].total).toBe(SECRETS);
    expect(bulk.every((p) => p.columns?.map((c) => c.name).join() === 'Name,Type,Data,Age')).toBe(true);
    const small = await walk(admin, 500);
    expect(small[0].continue).toMatch(/^k:/);
    const same = settled(bulk[0].columns!);
    expect(bulk.flatMap((p) => (p.rows as TableRow[]).map(same))).toEqual(small.flatMap((p) => (p.rows as TableRow[]).map(same)));
    const names = (await core().listNamespacedSecret({ namespace: ns })).items.map((s) => s.metadata!.name);
    expect(bulk.flatMap((p) => p.rows.map((r) => r.name))).toEqual(names);
    expect(bulk[1].rows[0]).toMatchObject({ namespace: ns, uid: expect.any(String), resourceVersion: expect.any(String), created: expect.any(String) });
    expect(bulk[0].rows.slice(0, 3).map((r) => (r as TableRow).owner)).toEqual([{ kind: 'ConfigMap', name: 'owner' }, undefined, { kind: 'ConfigMap', name: 'owner' }]);
  });

  it('the API server’s Table without metadata joins its metadata list, read in protobuf, into its Table with metadata', async () => {
    // What lib/k8s/watch/upstream.ts relies on: one snapshot answers both in the same order, with the Name column
    // first; and the protobuf reader (lib/k8s/metadata-list.ts) gives what the JSON list says of each object.
    const admin = readToken('admin-user');
    const whole = listRequest(secrets, { namespace: ns }, 20_000);
    const read = async () => {
      const [table, pb, json] = await Promise.all([
        kubeRequest<Table>(admin, { ...whole, query: { ...whole.query, includeObject: 'None' } }),
        kubeRequestBytes(admin, { ...whole, accept: METADATA_LIST_PROTOBUF_ACCEPT, query: { ...whole.query, includeObject: undefined } }),
        kubeRequest<MetadataList>(admin, { ...whole, accept: METADATA_LIST_ACCEPT, query: { ...whole.query, includeObject: undefined } }),
      ]);
      const list = metadataListOf(pb.headers['content-type'], pb.body);
      return { type: pb.headers['content-type'], list, json: json.body, joined: list && joinTableMetadata(table.body, list) };
    };
    // Reads may meet a write between them (another test's objects); then they are not joined, and are asked again.
    const r = await pollUntil(read, (x) => x.joined !== undefined && x.list?.metadata?.resourceVersion === x.json.metadata?.resourceVersion, 20_000);
    expect(r.type).toBe('application/vnd.kubernetes.protobuf');
    const rowMeta = (m: RowMetadata = {}): RowMetadata => ({
      name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp,
      ...(m.ownerReferences ? { ownerReferences: m.ownerReferences.map(({ apiVersion, kind, name, uid, controller }) => ({ apiVersion, kind, name, uid, controller })) } : {}),
    });
    expect(r.list?.items).toHaveLength(SECRETS);
    expect(r.list?.items?.map((o) => o?.metadata)).toEqual(r.json.items?.map((o) => rowMeta(o?.metadata)));
    expect(r.list?.items?.filter((o) => o?.metadata?.ownerReferences)).toHaveLength(6);
    // A cluster-scoped kind, whose objects have no namespace.
    const roles = await Promise.all([
      kubeRequestBytes(admin, { path: '/apis/rbac.authorization.k8s.io/v1/clusterroles', accept: METADATA_LIST_PROTOBUF_ACCEPT }),
      kubeRequest<MetadataList>(admin, { path: '/apis/rbac.authorization.k8s.io/v1/clusterroles', accept: METADATA_LIST_ACCEPT }),
    ]).then(([pb, json]) => ({ pb: metadataListOf(pb.headers['content-type'], pb.body), json: json.body }));
    expect(roles.pb?.items?.length).toBeGreaterThan(10);
    expect(roles.pb?.items?.map((o) => o?.metadata)).toEqual(roles.json.items?.map((o) => rowMeta(o?.metadata)));
    const withMeta = (await kubeRequest<Table>(admin, { ...whole, accept: TABLE_ACCEPT })).body;
    const rows = (t: Table) => tableItems(t).map(tableRow).map(settled(withMeta.columnDefinitions!));
    expect(rows(r.joined!)).toEqual(rows(withMeta));
  });

  it('a live list reads the rest after its first page at once: every row once, the listing complete', async () => {
    const { sink, pages } = recorder();
    const stop = new AbortController();
    const run = listWatch({ kind: secrets, upstream: userUpstream(readToken('admin-user'), secrets, { namespace: ns }), sink, signal: stop.signal, firstPage: 100 });
    expect(await pollUntil(async () => pages.some((p) => p.info.done), (d) => d, 30_000, 50)).toBe(true);
    stop.abort();
    await run;
    expect(pages.map((p) => p.rows.length)).toEqual([100, SECRETS - 100]);
    const names = (await core().listNamespacedSecret({ namespace: ns })).items.map((s) => s.metadata!.name);
    expect(pages.flatMap((p) => p.rows.map((r) => r.name))).toEqual(names);
    expect(new Set(pages.flatMap((p) => p.rows.map((r) => r.uid))).size).toBe(SECRETS);
    expect(pages[1].info).toMatchObject({ done: true, resourceVersion: expect.stringMatching(/^\d+$/) });
    expect(pages[1].rows[0]).toMatchObject({ namespace: ns, cells: expect.any(Array), created: expect.any(String) });
  });

  it('a held walk goes on only for its user and its list; its token ends with it; a malformed one is a 400', async () => {
    const admin = readToken('admin-user');
    const first = await page(admin, 'limit=1000');
    const cont = encodeURIComponent(first.continue!);
    await expect(page(readToken('team-a-editor'), `limit=1000&continue=${cont}`, { namespace: 'team-a' })).rejects.toMatchObject({ body: { status: 410 } });
    await expect(page(admin, `limit=1000&continue=${cont}`, { namespace: 'team-a' })).rejects.toMatchObject({ body: { status: 410 } });
    expect((await page(admin, `limit=1000&continue=${cont}`)).rows).toHaveLength(SECRETS - 1000);
    await expect(page(admin, `limit=1000&continue=${cont}`)).rejects.toMatchObject({ body: { status: 410, message: expect.stringContaining('list again from the first page') } });
    await expect(page(admin, 'limit=1000&continue=s:short:0')).rejects.toMatchObject({ body: { status: 400 } });
  });

  it('asks for the user’s rights on every page: a walk whose RoleBinding is gone ends with a 403', async () => {
    const rbac = adminKubeConfig().makeApiClient(RbacAuthorizationV1Api);
    await core().createNamespacedServiceAccount({ namespace: ns, body: { metadata: { name: 'walker' } } });
    await rbac.createNamespacedRole({ namespace: ns, body: { metadata: { name: 'list-secrets' }, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }] } });
    await rbac.createNamespacedRoleBinding({
      namespace: ns,
      body: { metadata: { name: 'walker' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'list-secrets' }, subjects: [{ kind: 'ServiceAccount', name: 'walker', namespace: ns }] },
    });
    const walker = await signServiceAccountToken({ namespace: ns, name: 'walker', expiresInSeconds: 600 });
    const asWalker = () => page(walker, 'limit=1').then(() => 200, (e: unknown) => {
      if (e instanceof ApiError) return e.body.status;
      throw e;
    });
    expect(await pollUntil(asWalker, (s) => s === 200, 30_000)).toBe(200);
    const first = await page(walker, 'limit=1000');
    await rbac.deleteNamespacedRoleBinding({ namespace: ns, name: 'walker' });
    expect(await pollUntil(asWalker, (s) => s === 403, 30_000)).toBe(403);
    await expect(page(walker, `limit=1000&continue=${encodeURIComponent(first.continue!)}`)).rejects.toMatchObject({ body: { status: 403, reason: 'Forbidden' } });
  });
});
