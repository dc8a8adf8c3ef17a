import { CoreV1Api, type V1ConfigMap } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminKubeConfig, ensureClusterUp, readToken } from '@/cluster/state';
import { statusOf } from '@/cluster/test-helpers';

// runApply against the local API server, with real tokens: which objects exist afterwards is read independently
// with client-node as the cluster admin. Every test writes only in namespaces of its own, deleted at the end.

vi.mock('server-only', () => ({}));
const { runApply } = await import('./run');

const run = randomBytes(3).toString('hex');
const created: string[] = [];
const core = () => adminKubeConfig().makeApiClient(CoreV1Api);

/** A throwaway namespace (`int-apply-<run>-<tag>`), deleted in afterAll; `create: false` only reserves the name. */
async function namespace(tag: string, create = true): Promise<string> {
  const name = `int-apply-${run}-${tag}`;
  created.push(name);
  if (create) await core().createNamespace({ body: { metadata: { name, labels: { 'wheelhouse.test/int': 'apply' } } } });
  return name;
}

/** The ConfigMaps this test wrote in `ns` (not the kube-root-ca.crt every namespace gets), by name. */
async function configMaps(ns: string): Promise<Record<string, V1ConfigMap>> {
  const { items } = await core().listNamespacedConfigMap({ namespace: ns });
  return Object.fromEntries(items.filter((c) => c.metadata!.name !== 'kube-root-ca.crt').map((c) => [c.metadata!.name!, c]));
}

const exists = async (ns: string, name: string) => (await statusOf(() => core().readNamespacedConfigMap({ name, namespace: ns }))) === 200;

const cm = (name: string, data = 'a: "1"', ns = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}data:\n  ${data}\n`;
const unknownKind = 'apiVersion: v1\nkind: Wat\nmetadata:\n  name: w\n';

describe('runApply (real API server)', () => {
  let admin: string;
  let viewer: string;
  let teamAEditor: string;

  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
    admin = readToken('admin-user');
    viewer = readToken('viewer');
    teamAEditor = readToken('team-a-editor');
  });

  afterAll(async () => {
    for (const name of created) await statusOf(() => core().deleteNamespace({ name }));
  });

  it('previews create, change (with a diff) and unchanged, and writes nothing', async () => {
    const ns = await namespace('preview');
    await runApply(admin, { yaml: cm('b'), mode: 'apply', namespace: ns });
    await runApply(admin, { yaml: cm('c'), mode: 'apply', namespace: ns });
    const before = await configMaps(ns);
    const r = await runApply(admin, { yaml: [cm('a'), cm('b', 'a: "2"'), cm('c')].join('---\n'), mode: 'preview', namespace: ns });
    expect(r.documents.map((d) => [d.outcome, d.line])).toEqual([
      ['create', 'configmap/a would create'],
      ['change', 'configmap/b would change'],
      ['unchanged', 'configmap/c unchanged'],
    ]);
    expect(r.documents[1].diff).toContain('-  a: "1"');
    expect(r.documents[1].diff).toContain('+  a: "2"');
    expect(r.documents.every((d) => d.deletable === true)).toBe(true);
    const after = await configMaps(ns);
    expect(Object.keys(after).sort()).toEqual(['b', 'c']);
    expect(after.b.data).toEqual({ a: '1' });
    expect(after.b.metadata!.resourceVersion).toBe(before.b.metadata!.resourceVersion);
    expect(after.c.metadata!.resourceVersion).toBe(before.c.metadata!.resourceVersion);
  });

  it('puts namespace-less documents in the selected namespace, else default', async () => {
    const [selected, own] = [await namespace('selected'), await namespace('own')];
    const r = await runApply(admin, { yaml: [cm('a'), cm('b', 'a: "1"', own)].join('---\n'), mode: 'preview', namespace: selected });
    expect(r.documents.map((d) => [d.namespace, d.outcome])).toEqual([[selected, 'create'], [own, 'create']]);

    const applied = await runApply(admin, { yaml: [cm('a'), cm('b', 'a: "1"', own)].join('---\n'), mode: 'apply', namespace: selected });
    expect(applied.documents.map((d) => d.outcome)).toEqual(['created', 'created']);
    expect(Object.keys(await configMaps(selected))).toEqual(['a']);
    expect(Object.keys(await configMaps(own))).toEqual(['b']);

    // No namespace anywhere → default. Shown without writing there: the viewer's write is refused by the API server,
    // whose answer names the namespace the request was for.
    const name = `int-apply-${run}-nowhere`;
    const preview = await runApply(admin, { yaml: cm(name), mode: 'preview' });
    expect(preview.documents[0]).toMatchObject({ namespace: 'default', outcome: 'create' });
    await expect(runApply(viewer, { yaml: cm(name), mode: 'apply' })).rejects.toMatchObject({
      body: { status: 403, reason: 'Forbidden', causes: [{ message: expect.stringContaining('in the namespace "default"') }] },
    });
    expect(await exists('default', name)).toBe(false);
  });

  it('reports created / configured / unchanged in kubectl words', async () => {
    const ns = await namespace('words');
    expect((await runApply(admin, { yaml: cm('a'), mode: 'apply', namespace: ns })).documents[0].line).toBe('configmap/a created');
    const first = (await configMaps(ns)).a;
    expect(first.data).toEqual({ a: '1' });
    expect((await runApply(admin, { yaml: cm('a', 'a: "2"'), mode: 'apply', namespace: ns })).documents[0].line).toBe('configmap/a configured');
    const second = (await configMaps(ns)).a;
    expect(second.data).toEqual({ a: '2' });
    expect(second.metadata!.resourceVersion).not.toBe(first.metadata!.resourceVersion);
    expect(second.metadata!.managedFields?.map((m) => m.manager)).toContain('wheelhouse');
    expect((await runApply(admin, { yaml: cm('a', 'a: "2"'), mode: 'apply', namespace: ns })).documents[0].line).toBe('configmap/a unchanged');
    expect((await configMaps(ns)).a.metadata!.resourceVersion).toBe(second.metadata!.resourceVersion);
  });

  it('refuses to apply anything when a document has errors, until only the valid ones are confirmed', async () => {
    const ns = await namespace('errors');
    const yaml = [cm('a'), unknownKind].join('---\n');
    await expect(runApply(admin, { yaml, mode: 'apply', namespace: ns })).rejects.toMatchObject({
      body: { status: 404, message: expect.stringMatching(/nothing was applied: 1 of 2 documents/) },
    });
    expect(await configMaps(ns)).toEqual({});
    const r = await runApply(admin, { yaml, mode: 'apply', namespace: ns, onlyValid: true });
    expect(r.documents.map((d) => d.outcome)).toEqual(['created', 'error']);
    expect(r.documents[1].error).toMatchObject({ status: 404, message: 'the server does not know kind "Wat" in v1' });
    const after = await configMaps(ns);
    expect(Object.keys(after)).toEqual(['a']);
    expect(after.a.data).toEqual({ a: '1' });
  });

  it('answers 403 when every document is forbidden, even when forced', async () => {
    const ns = await namespace('forbidden');
    for (const token of [viewer, teamAEditor]) {
      await expect(runApply(token, { yaml: cm('a'), mode: 'apply', namespace: ns, force: true, onlyValid: true })).rejects.toMatchObject({
        body: { status: 403, reason: 'Forbidden' },
      });
    }
    // The viewer can read but not write: the preview says so, and offers no delete.
    const preview = await runApply(viewer, { yaml: cm('a'), mode: 'preview', namespace: ns });
    expect(preview.documents[0]).toMatchObject({ outcome: 'error', deletable: false, error: { reason: 'Forbidden' } });
    expect(await configMaps(ns)).toEqual({});

    // Nor may it delete what exists.
    await runApply(admin, { yaml: cm('kept'), mode: 'apply', namespace: ns });
    await expect(runApply(viewer, { yaml: cm('kept'), mode: 'delete', namespace: ns })).rejects.toMatchObject({
      body: { status: 403, reason: 'Forbidden', message: expect.stringMatching(/^nothing was deleted/) },
    });
    expect(Object.keys(await configMaps(ns))).toEqual(['kept']);
  });

  it('knows a namespace created earlier in the same stream, and applies in order', async () => {
    const fresh = await namespace('fresh', false);
    const yaml = [`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${fresh}\n`, cm('a', 'a: "1"', fresh)].join('---\n');
    const preview = await runApply(admin, { yaml, mode: 'preview' });
    expect(preview.documents[0]).toMatchObject({ outcome: 'create', line: `namespace/${fresh} would create` });
    expect(preview.documents[1]).toMatchObject({ outcome: 'create', note: expect.stringContaining('created by document 1') });
    expect(await statusOf(() => core().readNamespace({ name: fresh }))).toBe(404);

    // The ConfigMap can only be written once its namespace exists: both succeeding shows the stream's order was kept.
    const applied = await runApply(admin, { yaml, mode: 'apply' });
    expect(applied.documents.map((d) => [d.outcome, d.line])).toEqual([
      ['created', `namespace/${fresh} created`],
      ['created', 'configmap/a created'],
    ]);
    expect((await core().readNamespace({ name: fresh })).status?.phase).toBe('Active');
    expect((await configMaps(fresh)).a.data).toEqual({ a: '1' });
  });

  it('deletes like kubectl delete -f: deleted, or not found', async () => {
    const ns = await namespace('delete');
    await runApply(admin, { yaml: [cm('a'), cm('b')].join('---\n'), mode: 'apply', namespace: ns });
    const r = await runApply(admin, { yaml: [cm('a'), cm('gone')].join('---\n'), mode: 'delete', namespace: ns });
    expect(r.documents.map((d) => [d.outcome, d.line])).toEqual([
      ['deleted', 'configmap "a" deleted'],
      ['notfound', 'Error from server (NotFound): configmaps "gone" not found'],
    ]);
    expect(Object.keys(await configMaps(ns))).toEqual(['b']);
  });
});
