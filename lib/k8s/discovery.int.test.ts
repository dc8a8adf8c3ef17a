import { ApiextensionsV1Api, AppsV1Api, CoreV1Api, type V1APIResource } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminKubeConfig, ensureClusterUp, readToken, signServiceAccountToken, tokenAccounts } from '@/cluster/state';
import { pollUntil, statusOf } from '@/cluster/test-helpers';

// createDiscovery against the local API server: what it resolves is checked against the server's own discovery
// documents, read independently with client-node as the cluster admin.

vi.mock('server-only', () => ({}));
const { createDiscovery, discoverCatalog } = await import('./discovery');

const topLevel = (resources: V1APIResource[], kind: string) => resources.find((r) => r.kind === kind && !r.name.includes('/'));

// A small namespaced CRD of this run's own: a kind that only exists while the test says so.
const group = `int-discovery-${randomBytes(4).toString('hex')}.wheelhouse.test`;
const crdName = `gadgets.${group}`;
const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: crdName },
  spec: {
    group,
    scope: 'Namespaced',
    names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
  },
};

describe('createDiscovery (real API server)', () => {
  let admin: string;
  const crds = () => adminKubeConfig().makeApiClient(ApiextensionsV1Api);

  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
    admin = readToken('admin-user');
  });

  afterAll(async () => {
    await statusOf(() => crds().deleteCustomResourceDefinition({ name: crdName }));
  });

  it('resolves a kind through /apis/{group}/{version}, as the server describes it', async () => {
    const served = await adminKubeConfig().makeApiClient(AppsV1Api).getAPIResources();
    const deployments = topLevel(served.resources, 'Deployment')!;
    const r = await createDiscovery(admin).resolve('apps/v1', 'Deployment');
    expect(r).toEqual({ kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', namespaced: true, verbs: deployments.verbs });
    expect(r.verbs).toEqual(expect.arrayContaining(['get', 'patch']));
  });

  it('uses /api/v1 for the core group, and ignores subresources', async () => {
    const core = await adminKubeConfig().makeApiClient(CoreV1Api).getAPIResources();
    // The server lists subresources that share the parent's kind (pods/log, pods/status are kind Pod).
    expect(core.resources.filter((r) => r.kind === 'Pod').map((r) => r.name)).toEqual(expect.arrayContaining(['pods', 'pods/log', 'pods/status']));
    const d = createDiscovery(readToken('viewer'));
    expect(await d.resolve('v1', 'Pod')).toMatchObject({ group: '', version: 'v1', plural: 'pods', namespaced: true });
    expect(await d.resolve('v1', 'Namespace')).toMatchObject({ plural: 'namespaces', namespaced: false });
    // In apps/v1, kind Scale exists only as subresources (deployments/scale, …): it is not a kind one can apply.
    const apps = await adminKubeConfig().makeApiClient(AppsV1Api).getAPIResources();
    expect(apps.resources.filter((r) => r.kind === 'Scale').map((r) => r.name)).toContain('deployments/scale');
    await expect(d.resolve('apps/v1', 'Scale')).rejects.toMatchObject({
      body: { status: 404, reason: 'NotFound', message: 'the server does not know kind "Scale" in apps/v1' },
    });
  });

  it('says a removed group/version is not served, and what is', async () => {
    await expect(createDiscovery(admin).resolve('rbac.authorization.k8s.io/v1beta1', 'ClusterRole')).rejects.toMatchObject({
      body: { status: 404, reason: 'NotFound', message: 'the server does not serve rbac.authorization.k8s.io/v1beta1 (it may have been removed; it serves rbac.authorization.k8s.io/v1)' },
    });
    await expect(createDiscovery(admin).resolve('v2', 'Pod')).rejects.toMatchObject({
      body: { status: 404, message: 'the server does not serve v2 (it may have been removed)' },
    });
  });

  it('says an unknown kind is not known in that group/version, with a near miss', async () => {
    await expect(createDiscovery(admin).resolve('apps/v1', 'deployment')).rejects.toMatchObject({
      body: { status: 404, reason: 'NotFound', message: 'the server does not know kind "deployment" in apps/v1 (did you mean "Deployment"?)' },
    });
    await expect(createDiscovery(admin).resolve('v1', 'Wat')).rejects.toMatchObject({
      body: { status: 404, message: 'the server does not know kind "Wat" in v1' },
    });
  });

  it('passes other failures through: a token the API server rejects is 401, not "not served"', async () => {
    // Discovery documents are readable by every authenticated identity (system:discovery), so RBAC cannot make them
    // Forbidden; a rejected (expired) token is the failure that must not turn into a 404.
    const expired = await signServiceAccountToken({ ...tokenAccounts.viewer, expiresInSeconds: -120 });
    await expect(createDiscovery(expired).resolve('apps/v1', 'Deployment')).rejects.toMatchObject({ body: { status: 401, reason: 'Unauthorized' } });
    await expect(createDiscovery('not-a-token').resolve('rbac.authorization.k8s.io/v1beta1', 'ClusterRole')).rejects.toMatchObject({ body: { status: 401 } });
  });

  it('resolves a CRD, asks once per group/version, and shares nothing between discoveries', async () => {
    await crds().createCustomResourceDefinition({ body: crd });
    const established = await pollUntil(
      () => crds().readCustomResourceDefinition({ name: crdName }),
      (c) => c.status?.conditions?.some((x) => x.type === 'Established' && x.status === 'True') === true,
      30_000,
    );
    expect(established.status?.conditions?.find((x) => x.type === 'Established')?.status).toBe('True');

    // Discovery of a new group may lag its Established condition by a moment.
    const gv = `${group}/v1`;
    const resolveFresh = () => createDiscovery(admin).resolve(gv, 'Gadget').then((r) => r, (e: unknown) => e);
    const first = await pollUntil(resolveFresh, (r) => !(r instanceof Error), 30_000, 250);
    const expected = { kind: 'Gadget', group, version: 'v1', plural: 'gadgets', namespaced: true, verbs: expect.arrayContaining(['get', 'list', 'patch', 'delete']) };
    expect(first).toEqual(expected);

    const cached = createDiscovery(admin);
    expect(await cached.resolve(gv, 'Gadget')).toEqual(expected);

    await crds().deleteCustomResourceDefinition({ name: crdName });
    const gone = await pollUntil(resolveFresh, (r) => r instanceof Error, 30_000, 250);
    expect(gone).toMatchObject({ body: { status: 404, message: `the server does not serve ${gv} (it may have been removed)` } });

    // The discovery that already read this group/version does not ask again: it still answers from its one read.
    expect(await cached.resolve(gv, 'Gadget')).toEqual(expected);
  });

  it('reads the catalog again with its ETag: the same catalog while nothing changed, a new CRD at once', async () => {
    const first = await discoverCatalog(admin);
    // A 304 from the API server hands back the catalog already built.
    expect(await discoverCatalog(admin)).toBe(first);
    const widgets = { ...crd, metadata: { name: `widgets.${group}` }, spec: { ...crd.spec, names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' } } };
    await crds().createCustomResourceDefinition({ body: widgets });
    try {
      const seen = await pollUntil(() => discoverCatalog(admin), (c) => c.some((e) => e.plural === 'widgets' && e.group === group), 30_000, 250);
      expect(seen.find((e) => e.plural === 'widgets' && e.group === group)).toMatchObject({ kind: 'Widget', namespaced: true });
      expect(first.some((e) => e.plural === 'widgets' && e.group === group)).toBe(false);
    } finally {
      await statusOf(() => crds().deleteCustomResourceDefinition({ name: `widgets.${group}` }));
    }
    // Another token is asked in full, and refused as the API server refuses it.
    const expired = await signServiceAccountToken({ ...tokenAccounts.viewer, expiresInSeconds: -120 });
    await expect(discoverCatalog(expired)).rejects.toMatchObject({ body: { status: 401 } });
  });
});
