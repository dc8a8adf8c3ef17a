import { beforeEach, describe, expect, it, vi } from 'vitest';

// runApply with the cluster replaced by an in-memory store: which writes happen, and which never do.

vi.mock('server-only', () => ({}));
const store = new Map<string, Record<string, unknown>>();
const writes: string[] = [];
const forbidden = new Set<string>();
const { ApiError } = await import('@/lib/k8s/errors');

type T = { resource: { plural: string; group: string }; namespace?: string; name: string };
const keyOf = (t: T) => `${t.resource.plural}/${t.namespace ?? ''}/${t.name}`;
const deny = (t: T) => {
  if (forbidden.has(t.name)) throw new ApiError({ status: 403, reason: 'Forbidden', message: `${t.resource.plural} "${t.name}" is forbidden` });
};

vi.mock('@/lib/k8s/discovery', () => ({
  createDiscovery: () => ({
    resolve: async (apiVersion: string, kind: string) => {
      if (kind === 'ConfigMap' && apiVersion === 'v1') return { kind, group: '', version: 'v1', plural: 'configmaps', namespaced: true, verbs: [] };
      if (kind === 'Namespace' && apiVersion === 'v1') return { kind, group: '', version: 'v1', plural: 'namespaces', namespaced: false, verbs: [] };
      throw new ApiError({ status: 404, reason: 'NotFound', message: `the server does not know kind "${kind}" in ${apiVersion}` });
    },
  }),
}));

vi.mock('./ssa', () => ({
  getLive: async (_tok: string, t: T) => store.get(keyOf(t)),
  canI: async (_tok: string, _verb: string, t: T) => !forbidden.has(t.name),
  serverSideApply: async (_tok: string, t: T, object: Record<string, unknown>, o: { dryRun: boolean }) => {
    deny(t);
    if (t.resource.plural === 'configmaps' && t.namespace && t.namespace !== 'default' && !store.has(`namespaces//${t.namespace}`)) {
      throw new ApiError({ status: 404, reason: 'NotFound', message: `namespaces "${t.namespace}" not found` });
    }
    const result = { ...object, metadata: { ...(object.metadata as object), resourceVersion: String(writes.length + 1) } };
    if (!o.dryRun) {
      writes.push(`apply ${keyOf(t)}`);
      store.set(keyOf(t), result);
    }
    return { object: result, warnings: [] };
  },
  deleteObject: async (_tok: string, t: T) => {
    deny(t);
    if (!store.has(keyOf(t))) throw new ApiError({ status: 404, reason: 'NotFound', message: `${t.resource.plural} "${t.name}" not found` });
    writes.push(`delete ${keyOf(t)}`);
    store.delete(keyOf(t));
    return { warnings: [] };
  },
}));

const { runApply } = await import('./run');

const cm = (name: string, data = 'a: "1"', ns = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}data:\n  ${data}\n`;
const unknownKind = 'apiVersion: v1\nkind: Wat\nmetadata:\n  name: w\n';

beforeEach(() => {
  store.clear();
  writes.length = 0;
  forbidden.clear();
});

describe('runApply', () => {
  it('previews create, change (with a diff) and unchanged, and writes nothing', async () => {
    await runApply('t', { yaml: cm('b'), mode: 'apply' });
    await runApply('t', { yaml: cm('c'), mode: 'apply' });
    writes.length = 0;
    const r = await runApply('t', { yaml: [cm('a'), cm('b', 'a: "2"'), cm('c')].join('---\n'), mode: 'preview', namespace: 'default' });
    expect(r.documents.map((d) => [d.outcome, d.line])).toEqual([
      ['create', 'configmap/a would create'],
      ['change', 'configmap/b would change'],
      ['unchanged', 'configmap/c unchanged'],
    ]);
    expect(r.documents[1].diff).toContain('+  a: "2"');
    expect(r.documents.every((d) => d.deletable === true)).toBe(true);
    expect(writes).toEqual([]);
  });

  it('puts namespace-less documents in the selected namespace, else default', async () => {
    const r = await runApply('t', { yaml: [cm('a'), cm('b', 'a: "1"', 'team-b')].join('---\n'), mode: 'preview', namespace: 'team-a' });
    expect(r.documents.map((d) => d.namespace)).toEqual(['team-a', 'team-b']);
    await runApply('t', { yaml: cm('a'), mode: 'apply' });
    expect(writes).toEqual(['apply configmaps/default/a']);
  });

  it('reports created / configured / unchanged in kubectl words', async () => {
    expect((await runApply('t', { yaml: cm('a'), mode: 'apply' })).documents[0].line).toBe('configmap/a created');
    expect((await runApply('t', { yaml: cm('a', 'a: "2"'), mode: 'apply' })).documents[0].line).toBe('configmap/a configured');
    expect((await runApply('t', { yaml: cm('a', 'a: "2"'), mode: 'apply' })).documents[0].line).toBe('configmap/a unchanged');
  });

  it('refuses to apply anything when a document has errors, until only the valid ones are confirmed', async () => {
    const yaml = [cm('a'), unknownKind].join('---\n');
    await expect(runApply('t', { yaml, mode: 'apply' })).rejects.toMatchObject({ body: { status: 404, message: expect.stringMatching(/nothing was applied: 1 of 2 documents/) } });
    expect(writes).toEqual([]);
    const r = await runApply('t', { yaml, mode: 'apply', onlyValid: true });
    expect(r.documents.map((d) => d.outcome)).toEqual(['created', 'error']);
    expect(writes).toEqual(['apply configmaps/default/a']);
  });

  it('answers 403 when every document is forbidden, even when forced', async () => {
    forbidden.add('a');
    await expect(runApply('t', { yaml: cm('a'), mode: 'apply', force: true, onlyValid: true })).rejects.toMatchObject({ body: { status: 403, reason: 'Forbidden' } });
    const preview = await runApply('t', { yaml: cm('a'), mode: 'preview' });
    expect(preview.documents[0]).toMatchObject({ outcome: 'error', deletable: false, error: { reason: 'Forbidden' } });
    expect(writes).toEqual([]);
  });

  it('knows a namespace created earlier in the same stream, and applies in order', async () => {
    const yaml = ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: fresh\n', cm('a', 'a: "1"', 'fresh')].join('---\n');
    const preview = await runApply('t', { yaml, mode: 'preview' });
    expect(preview.documents[1]).toMatchObject({ outcome: 'create', note: expect.stringContaining('created by document 1') });
    await runApply('t', { yaml, mode: 'apply' });
    expect(writes).toEqual(['apply namespaces//fresh', 'apply configmaps/fresh/a']);
  });

  it('deletes like kubectl delete -f: deleted, or not found', async () => {
    await runApply('t', { yaml: cm('a'), mode: 'apply' });
    const r = await runApply('t', { yaml: [cm('a'), cm('gone')].join('---\n'), mode: 'delete' });
    expect(r.documents.map((d) => [d.outcome, d.line])).toEqual([
      ['deleted', 'configmap "a" deleted'],
      ['notfound', 'Error from server (NotFound): configmaps "gone" not found'],
    ]);
  });
});
