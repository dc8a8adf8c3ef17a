import { AppsV1Api, BatchV1Api, CoreV1Api, CustomObjectsApi, PatchStrategy, PolicyV1Api, setHeaderOptions, type V1Deployment } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminKubeConfig, ensureClusterUp, readToken } from '@/cluster/state';
import { nodeAnnotation } from '@/cluster/components';
import { pollUntil, statusOf } from '@/cluster/test-helpers';
import { RESOURCES, type KindName } from '@/lib/k8s/resources';

// Edit, rollout undo, run-now, drain and CRD-first apply against the local API server with real tokens; every
// effect is read back independently with client-node as the cluster admin.

vi.mock('server-only', () => ({}));
const { loadForEdit, submitEdit } = await import('./edit');
const { runObjectAction } = await import('./actions/object-action');
const { rolloutHistory } = await import('./rollout');
const { startDrain, drainProgress } = await import('./drain');
const { runApply } = await import('./apply/run');

const run = randomBytes(3).toString('hex');
const ns = `int-operate-${run}`;
const node = `int-drain-${run}`;
const kc = () => adminKubeConfig();
const core = () => kc().makeApiClient(CoreV1Api);
const apps = () => kc().makeApiClient(AppsV1Api);
const target = (kindName: KindName, name: string) => ({ kindName, r: RESOURCES[kindName], namespace: RESOURCES[kindName].namespaced ? ns : undefined, name });
const labels = (app: string) => ({ app });
const deployment = (name: string, image: string): V1Deployment => ({
  metadata: { name, labels: labels(name) },
  spec: { replicas: 1, selector: { matchLabels: labels(name) }, template: { metadata: { labels: labels(name) }, spec: { containers: [{ name: 'c', image }] } } },
});
const revisionOf = (d: V1Deployment) => d.metadata?.annotations?.['deployment.kubernetes.io/revision'];

describe('operate (real API server)', () => {
  let admin: string;
  let viewer: string;
  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
    admin = readToken('admin-user');
    viewer = readToken('viewer');
    await core().createNamespace({ body: { metadata: { name: ns, labels: { 'wheelhouse.test/int': 'operate' } } } });
  });
  afterAll(async () => {
    await statusOf(() => core().deleteNode({ name: node }));
    await statusOf(() => core().deleteNamespace({ name: ns }));
  });

  it('edits a ConfigMap with a conditional merge patch, owning only the changed field; a concurrent change is a conflict', async () => {
    await core().createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'cm' }, data: { a: '1', b: '2' } } });
    const opened = await loadForEdit(admin, target('configmaps', 'cm'));
    expect(opened.yaml).not.toMatch(/managedFields|uid:|creationTimestamp/);
    const edited = opened.yaml.replace('a: "1"', 'a: "10"');
    const preview = await submitEdit(admin, target('configmaps', 'cm'), { original: opened.yaml, edited, resourceVersion: opened.resourceVersion, dryRun: true });
    expect(preview).toMatchObject({ outcome: 'preview', diff: expect.stringContaining('+  a: "10"') });
    expect((await core().readNamespacedConfigMap({ namespace: ns, name: 'cm' })).data).toEqual({ a: '1', b: '2' });
    await expect(submitEdit(viewer, target('configmaps', 'cm'), { original: opened.yaml, edited, resourceVersion: opened.resourceVersion, dryRun: false }))
      .rejects.toMatchObject({ body: { status: 403, reason: 'Forbidden' } });
    const saved = await submitEdit(admin, target('configmaps', 'cm'), { original: opened.yaml, edited, resourceVersion: opened.resourceVersion, dryRun: false });
    expect(saved.outcome).toBe('saved');
    const cm = await core().readNamespacedConfigMap({ namespace: ns, name: 'cm' });
    expect(cm.data).toEqual({ a: '10', b: '2' });
    const mine = cm.metadata!.managedFields!.find((f) => f.manager === 'wheelhouse');
    expect(mine?.operation).toBe('Update');
    expect(mine?.fieldsV1).toEqual({ 'f:data': { 'f:a': {} } });
    // Someone else writes b; an edit opened before that is refused and nothing is overwritten.
    await core().patchNamespacedConfigMap({ namespace: ns, name: 'cm', body: { data: { b: 'theirs' } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    const stale = await submitEdit(admin, target('configmaps', 'cm'), { original: opened.yaml, edited: opened.yaml.replace('b: "2"', 'b: "mine"'), resourceVersion: opened.resourceVersion, dryRun: false });
    expect(stale).toMatchObject({ outcome: 'conflict', error: { status: 409, reason: 'Conflict' } });
    expect(stale.outcome === 'conflict' && stale.meanwhile).toContain('+  b: theirs');
    expect(stale.outcome === 'conflict' && stale.latest.rebased).toContain('b: mine');
    expect((await core().readNamespacedConfigMap({ namespace: ns, name: 'cm' })).data).toEqual({ a: '10', b: 'theirs' });
  });

  it('undoes a Deployment to revision 1 and refuses the viewer', async () => {
    await apps().createNamespacedDeployment({ namespace: ns, body: deployment('web', 'nginx:1.1') });
    await pollUntil(() => apps().readNamespacedDeployment({ namespace: ns, name: 'web' }), (d) => revisionOf(d) === '1', 30_000);
    await apps().patchNamespacedDeployment({ namespace: ns, name: 'web', body: { spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:1.2' }] } } } } }, setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch));
    await pollUntil(() => apps().readNamespacedDeployment({ namespace: ns, name: 'web' }), (d) => revisionOf(d) === '2', 30_000);
    const h = await rolloutHistory(admin, target('deployments', 'web'), { from: 1, to: 2 });
    expect(h.revisions.map((r) => [r.revision, r.images])).toEqual([[1, ['nginx:1.1']], [2, ['nginx:1.2']]]);
    expect(h.current).toBe(2);
    expect(h.diff).toContain('+    - image: nginx:1.2');
    await expect(runObjectAction(viewer, target('deployments', 'web'), 'undo', { revision: 1 })).rejects.toMatchObject({ body: { status: 403 } });
    expect(await runObjectAction(admin, target('deployments', 'web'), 'undo', { revision: 1 })).toMatchObject({ message: 'rolled back to revision 1' });
    const d = await pollUntil(() => apps().readNamespacedDeployment({ namespace: ns, name: 'web' }), (x) => revisionOf(x) === '3', 30_000);
    expect(d.spec!.template.spec!.containers[0].image).toBe('nginx:1.1');
  });

  it('runs a CronJob now: a Job owned by it, marked manual', async () => {
    const batch = kc().makeApiClient(BatchV1Api);
    await batch.createNamespacedCronJob({ namespace: ns, body: { metadata: { name: 'tick' }, spec: { schedule: '0 0 1 1 *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } } } } });
    const r = await runObjectAction(admin, target('cronjobs', 'tick'), 'run-now', undefined);
    const job = await batch.readNamespacedJob({ namespace: ns, name: r.job! });
    expect(job.metadata!.ownerReferences).toMatchObject([{ kind: 'CronJob', name: 'tick', controller: true }]);
    expect(job.metadata!.annotations!['cronjob.kubernetes.io/instantiate']).toBe('manual');
    await runObjectAction(admin, target('cronjobs', 'tick'), 'suspend', undefined);
    expect((await batch.readNamespacedCronJob({ namespace: ns, name: 'tick' })).spec!.suspend).toBe(true);
  });

  it('drains a node: DaemonSet pods skipped, a PDB blocks one eviction until it is relaxed', async () => {
    await core().createNode({ body: { metadata: { name: node, annotations: { [nodeAnnotation]: 'fake' }, labels: { type: 'kwok-int', 'kubernetes.io/hostname': node } }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '20' }, capacity: { cpu: '4', memory: '8Gi', pods: '20' } } } });
    const rs = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'x', controller: true };
    const pod = (name: string, app: string) => ({ metadata: { name, labels: { app }, ownerReferences: [{ ...rs }] }, spec: { nodeName: node, containers: [{ name: 'c', image: 'x' }] } });
    // A controller reference to an object no controller acts on: a ReplicaSet would release pods it does not select,
    // and the garbage collector would delete pods whose owner does not exist.
    const owner = await core().createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'owner' } } });
    rs.uid = owner.metadata!.uid!;
    for (const [name, app] of [['a', 'free'], ['b', 'guarded']]) await core().createNamespacedPod({ namespace: ns, body: pod(name, app) });
    const daemon = { matchLabels: { app: 'daemon' } };
    await apps().createNamespacedDaemonSet({ namespace: ns, body: { metadata: { name: 'ds' }, spec: { selector: daemon, template: { metadata: { labels: daemon.matchLabels }, spec: { nodeSelector: { 'kubernetes.io/hostname': node }, containers: [{ name: 'c', image: 'x' }] } } } } });
    await pollUntil(() => core().listNamespacedPod({ namespace: ns, labelSelector: 'app=daemon' }), (l) => l.items.length === 1, 30_000);
    await core().createNamespacedPod({ namespace: ns, body: { metadata: { name: 'bare' }, spec: { nodeName: node, containers: [{ name: 'c', image: 'x' }] } } });
    // Without consent the unmanaged pod stops the drain before any eviction; the node is cordoned (as kubectl does).
    await startDrain(admin, 'sid-refused', node, { emptyDirData: false, unmanaged: false, timeoutSeconds: 60 });
    const refused = await pollUntil(async () => drainProgress('sid-refused', node)!, (p) => p.state !== 'running', 30_000);
    expect(refused.state).toBe('refused');
    // Other namespaces' DaemonSets (the seed's kube-system/node-agent) land on the new node too: skipped like ours.
    const ours = (pods: { namespace: string; name: string; state: string }[]) => pods.filter((p) => p.namespace === ns).map((p) => [p.name, p.state]);
    expect(refused.pods.filter((p) => p.namespace !== ns).every((p) => p.state === 'skipped')).toBe(true);
    expect(ours(refused.pods)).toEqual([['a', 'pending'], ['b', 'pending'], ['bare', 'refused'], [expect.stringMatching(/^ds-/), 'skipped']]);
    expect((await core().listNamespacedPod({ namespace: ns, fieldSelector: `spec.nodeName=${node}` })).items).toHaveLength(4);
    await core().patchNode({ name: node, body: { spec: { unschedulable: null } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    const pdbs = kc().makeApiClient(PolicyV1Api);
    await pdbs.createNamespacedPodDisruptionBudget({ namespace: ns, body: { metadata: { name: 'guard' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'guarded' } } } } });
    await pollUntil(() => pdbs.readNamespacedPodDisruptionBudget({ namespace: ns, name: 'guard' }), (p) => p.status?.observedGeneration === 1 && p.status.expectedPods === 1, 30_000);
    await expect(startDrain(viewer, 'sid-viewer', node, { emptyDirData: false, unmanaged: false, timeoutSeconds: 60 })).rejects.toMatchObject({ body: { status: 403 } });
    expect((await core().readNode({ name: node })).spec?.unschedulable).toBeFalsy();
    await startDrain(admin, 'sid-int', node, { emptyDirData: false, unmanaged: true, timeoutSeconds: 120 });
    expect((await core().readNode({ name: node })).spec?.unschedulable).toBe(true);
    const blocked = await pollUntil(async () => drainProgress('sid-int', node)!, (p) => p.pods.some((x) => x.name === 'b' && x.state === 'blocked'), 60_000);
    expect(blocked.pods.find((x) => x.name === 'b')!.message).toMatch(/disruption budget guard/);
    await pdbs.deleteNamespacedPodDisruptionBudget({ namespace: ns, name: 'guard' });
    const done = await pollUntil(async () => drainProgress('sid-int', node)!, (p) => p.state !== 'running', 90_000);
    expect(done.state).toBe('done');
    expect(ours(done.pods)).toEqual([['a', 'gone'], ['b', 'gone'], ['bare', 'gone'], [expect.stringMatching(/^ds-/), 'skipped']]);
    expect((await core().listNamespacedPod({ namespace: ns, fieldSelector: `spec.nodeName=${node}` })).items.map((p) => p.metadata!.labels?.app)).toEqual(['daemon']);
  });

  it('applies a CRD and an object of its kind in one stream, on the first try', async () => {
    const group = `int${run}.example.com`;
    const crd = `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.${group}\nspec:\n  group: ${group}\n  scope: Namespaced\n  names: {plural: widgets, singular: widget, kind: Widget}\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec: {type: object, properties: {size: {type: integer}}}\n`;
    const obj = `apiVersion: ${group}/v1\nkind: Widget\nmetadata:\n  name: w1\n  namespace: ${ns}\nspec:\n  size: 3\n`;
    try {
      const preview = await runApply(admin, { yaml: `${crd}---\n${obj}`, mode: 'preview' });
      expect(preview.documents.map((d) => d.outcome)).toEqual(['create', 'create']);
      expect(preview.documents[1].note).toMatch(/defined by CustomResourceDefinition widgets\..*document 1/);
      const applied = await runApply(admin, { yaml: `${crd}---\n${obj}`, mode: 'apply' });
      expect(applied.documents.map((d) => d.outcome)).toEqual(['created', 'created']);
      const w = await kc().makeApiClient(CustomObjectsApi).getNamespacedCustomObject({ group, version: 'v1', namespace: ns, plural: 'widgets', name: 'w1' });
      expect((w as { spec: { size: number } }).spec.size).toBe(3);
    } finally {
      await statusOf(() => kc().makeApiClient(CustomObjectsApi).deleteClusterCustomObject({ group: 'apiextensions.k8s.io', version: 'v1', plural: 'customresourcedefinitions', name: `widgets.${group}` }));
    }
  });
});
