import { randomBytes } from 'node:crypto';
import { CoreV1Api, PatchStrategy, PolicyV1Api, setHeaderOptions } from '@kubernetes/client-node';
import { adminKubeConfig } from '../cluster/state';
import { nodeAnnotation } from '../cluster/components';
import { expect, test } from './fixtures';
import { ObjectPage } from './pages/object-page';

// Cordon and drain a kwok node of this spec's own (so no other test's pods move), with a PodDisruptionBudget that
// blocks one eviction until it is relaxed. Effects are read with client-node as the cluster admin.

const run = randomBytes(3).toString('hex');
const node = `e2e-drain-${run}`;
const ns = `e2e-op-node-${run}`;
const core = () => adminKubeConfig().makeApiClient(CoreV1Api);
const pdbs = () => adminKubeConfig().makeApiClient(PolicyV1Api);
const unschedulable = async () => (await core().readNode({ name: node })).spec?.unschedulable ?? false;
const podsOnNode = async () => (await core().listNamespacedPod({ namespace: ns, fieldSelector: `spec.nodeName=${node}` })).items.map((p) => p.metadata!.name!).sort();

test.beforeAll(async () => {
  const resources = { cpu: '4', memory: '8Gi', pods: '20' };
  await core().createNode({ body: { metadata: { name: node, annotations: { [nodeAnnotation]: 'fake' }, labels: { type: 'kwok-e2e' } }, spec: { taints: [{ key: 'e2e', value: 'drain', effect: 'PreferNoSchedule' }] }, status: { capacity: resources, allocatable: resources } } });
  await core().createNamespace({ body: { metadata: { name: ns, labels: { 'wheelhouse.test/e2e': 'operate' } } } });
  // A controller reference to an object no controller acts on, so the pods count as managed and stay where they are.
  const owner = await core().createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'owner' } } });
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata!.uid!, controller: true };
  for (const [name, app] of [['free', 'free'], ['guarded', 'guarded']]) {
    await core().createNamespacedPod({ namespace: ns, body: { metadata: { name, labels: { app }, ownerReferences: [ref] }, spec: { nodeName: node, containers: [{ name: 'c', image: 'x' }] } } });
  }
  await pdbs().createNamespacedPodDisruptionBudget({ namespace: ns, body: { metadata: { name: 'guard' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'guarded' } } } } });
  await expect.poll(async () => (await pdbs().readNamespacedPodDisruptionBudget({ namespace: ns, name: 'guard' })).status?.expectedPods, { timeout: 30_000 }).toBe(1);
});
test.afterAll(async () => {
  await core().deleteNode({ name: node }).catch(() => undefined);
  await core().deleteNamespace({ name: ns }).catch(() => undefined);
});

test('the viewer cannot cordon or drain; nothing changes', async ({ page, signInAs }) => {
  await signInAs('viewer');
  const ui = new ObjectPage(page);
  await ui.openObject('nodes', undefined, node);
  for (const label of ['Cordon', 'Drain', 'Edit']) await expect(ui.button(label)).toBeDisabled();
  expect((await ui.forced('POST', `/api/k8s/nodes/-/${node}/actions/cordon`)).status).toBe(403);
  expect((await ui.forced('POST', `/api/k8s/nodes/-/${node}/drain`, {})).status).toBe(403);
  expect(await unschedulable()).toBe(false);
  expect(await podsOnNode()).toEqual(['free', 'guarded']);
});

test('cordon, then drain with a PDB that blocks one eviction until it is relaxed', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const ui = new ObjectPage(page);
  await ui.openObject('nodes', undefined, node);
  await expect(page.getByText('e2e=drain:PreferNoSchedule')).toBeVisible();
  await ui.act('Cordon');
  await expect.poll(unschedulable).toBe(true);
  await ui.act('Uncordon');
  await expect.poll(unschedulable).toBe(false);

  await ui.act('Drain');
  const progress = page.getByTestId('drain-progress');
  await expect(progress.locator('[data-pod="guarded"]')).toHaveAttribute('data-state', 'blocked');
  await expect(progress.locator('[data-pod="guarded"]')).toContainText('disruption budget guard');
  await page.screenshot({ path: '/tmp/wh/shots/node-drain-blocked.png' });
  expect(await unschedulable()).toBe(true);
  await expect.poll(podsOnNode).toEqual(['guarded']);
  // Relax the budget: the next retry evicts the last pod.
  await pdbs().patchNamespacedPodDisruptionBudget({ namespace: ns, name: 'guard', body: [{ op: 'replace', path: '/spec/minAvailable', value: 0 }] }, setHeaderOptions('Content-Type', PatchStrategy.JsonPatch));
  await expect.poll(podsOnNode, { timeout: 60_000 }).toEqual([]);
  await expect(progress).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
});
