import { randomBytes } from 'node:crypto';
import { AppsV1Api, BatchV1Api, CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { adminKubeConfig } from '../cluster/state';
import { expect, test } from './fixtures';
import { readmeShot } from './readme-shot';
import { kubectl } from './kubectl';
import { ObjectPage } from './pages/object-page';

// Rollback, scale of a StatefulSet, CronJob suspend/run now, Create from templates, a CRD with its object in one
// stream, and deleting a namespace — each checked with client-node or kubectl as the cluster admin; the viewer is
// refused each with nothing changed.

const run = randomBytes(3).toString('hex');
const ns = `e2e-op-wl-${run}`;
const kc = () => adminKubeConfig();
const core = () => kc().makeApiClient(CoreV1Api);
const apps = () => kc().makeApiClient(AppsV1Api);
const batch = () => kc().makeApiClient(BatchV1Api);
const labels = (app: string) => ({ app });
const template = (app: string, image: string) => ({ metadata: { labels: labels(app) }, spec: { containers: [{ name: 'c', image }] } });
const image = async () => (await apps().readNamespacedDeployment({ namespace: ns, name: 'roll' })).spec!.template.spec!.containers[0].image;
const revision = async () => (await apps().readNamespacedDeployment({ namespace: ns, name: 'roll' })).metadata!.annotations?.['deployment.kubernetes.io/revision'];

const gadgetCrd = (group: string) => `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gadgets.${group}\nspec:\n  group: ${group}\n  scope: Namespaced\n  names: {plural: gadgets, singular: gadget, kind: Gadget}\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {size: {type: integer}}}}}}\n`;
const gadget = (group: string) => `apiVersion: ${group}/v1\nkind: Gadget\nmetadata:\n  name: g1\n  namespace: ${ns}\nspec:\n  size: 2\n`;

test.beforeAll(async () => {
  await core().createNamespace({ body: { metadata: { name: ns, labels: { 'wheelhouse.test/e2e': 'operate' } } } });
  await apps().createNamespacedDeployment({ namespace: ns, body: { metadata: { name: 'roll' }, spec: { replicas: 1, selector: { matchLabels: labels('roll') }, template: template('roll', 'nginx:1.1') } } });
  await apps().createNamespacedStatefulSet({ namespace: ns, body: { metadata: { name: 'db' }, spec: { serviceName: 'db', replicas: 1, selector: { matchLabels: labels('db') }, template: template('db', 'postgres:16') } } });
  await batch().createNamespacedCronJob({ namespace: ns, body: { metadata: { name: 'tick' }, spec: { schedule: '0 0 1 1 *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } } } } });
  await expect.poll(revision, { timeout: 30_000 }).toBe('1');
  kubectl('-n', ns, 'set', 'image', 'deployment/roll', 'c=nginx:1.2');
  await expect.poll(revision, { timeout: 30_000 }).toBe('2');
});
test.afterAll(async () => {
  await core().deleteNamespace({ name: ns }).catch(() => undefined);
});

test('roll back a Deployment to revision 1; kubectl rollout history agrees', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const ui = new ObjectPage(page);
  await ui.openObject('deployments', ns, 'roll');
  await expect(ui.history().locator('tr[data-revision]')).toHaveCount(2);
  await ui.history().getByRole('button', { name: 'Diff with 2' }).click();
  await expect(page.getByLabel('Pod template, revision 1 → 2')).toContainText('+    - image: nginx:1.2');
  await readmeShot(page, 'rollback');
  await ui.history().getByRole('button', { name: /^Roll back to 1 / }).click();
  await ui.confirm('Roll back to 1');
  await expect.poll(image).toBe('nginx:1.1');
  await expect.poll(revision).toBe('3');
  const history = kubectl('-n', ns, 'rollout', 'history', 'deployment/roll');
  expect(history.trim().split('\n').slice(2).map((l) => l.split(/\s+/)[0])).toEqual(['2', '3']);
  expect(kubectl('-n', ns, 'rollout', 'history', 'deployment/roll', '--revision=3')).toContain('nginx:1.1');
});

test('scale a StatefulSet 1 → 3 → 1', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const ui = new ObjectPage(page);
  await ui.openObject('statefulsets', ns, 'db');
  const replicas = async () => (await apps().readNamespacedStatefulSet({ namespace: ns, name: 'db' })).spec!.replicas;
  await ui.scaleTo('db', 3, false);
  await expect.poll(replicas).toBe(3);
  await expect(ui.replicasInput('db', false)).toHaveValue('3');
  // Back down from the list: the Table-rendered row opens its own scale control on demand.
  await ui.scaleRowTo('statefulsets', ns, 'db', 3, 1);
  await expect.poll(replicas).toBe(1);
});

test('suspend a CronJob and run it now: a Job owned by it exists', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const ui = new ObjectPage(page);
  await ui.openObject('cronjobs', ns, 'tick');
  await ui.act('Suspend');
  await expect.poll(async () => (await batch().readNamespacedCronJob({ namespace: ns, name: 'tick' })).spec!.suspend).toBe(true);
  await ui.act('Run now');
  await expect.poll(async () => (await batch().listNamespacedJob({ namespace: ns })).items
    .filter((j) => j.metadata!.ownerReferences?.some((o) => o.kind === 'CronJob' && o.name === 'tick' && o.controller))
    .map((j) => j.metadata!.annotations?.['cronjob.kubernetes.io/instantiate'])).toEqual(['manual']);
});

test('create from the Deployment and CronJob templates', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const ui = new ObjectPage(page);
  for (const [kind, check] of [
    ['deployments', () => apps().readNamespacedDeployment({ namespace: ns, name: 'my-deployment' })],
    ['cronjobs', () => batch().readNamespacedCronJob({ namespace: ns, name: 'my-cronjob' })],
  ] as const) {
    await page.goto(`/${kind}?ns=${ns}`);
    await page.getByRole('button', { name: /^Create / }).click();
    await expect(page).toHaveURL(new RegExp(`/apply\\?template=${kind}&ns=${ns}`));
    await expect(ui.editor()).toContainText(`namespace: ${ns}`);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.getByTestId('result-lines')).toContainText('created');
    await expect.poll(async () => (await check()).metadata!.namespace).toBe(ns);
  }
});

test('apply a CRD and an object of its kind in one stream, on the first try', async ({ page, signInAs }) => {
  const group = `e2e${run}.example.com`;
  const [crd, obj] = [gadgetCrd(group), gadget(group)];
  await signInAs('admin-user');
  const ui = new ObjectPage(page);
  try {
    await page.goto('/apply');
    await ui.setYaml(`${crd}---\n${obj}`);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(page.getByText(/defined by CustomResourceDefinition gadgets\./)).toBeVisible();
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.getByTestId('result-lines')).toContainText(`gadget.${group}/g1 created`);
    const g = await kc().makeApiClient(CustomObjectsApi).getNamespacedCustomObject({ group, version: 'v1', namespace: ns, plural: 'gadgets', name: 'g1' });
    expect((g as { spec: { size: number } }).spec.size).toBe(2);
  } finally {
    kubectl('delete', 'crd', `gadgets.${group}`, '--ignore-not-found', '--wait=false');
  }
});

test('the viewer is refused each action, with nothing changed', async ({ page, signInAs }) => {
  await signInAs('viewer');
  const ui = new ObjectPage(page);
  const jobs = async () => (await batch().listNamespacedJob({ namespace: ns })).items.length;
  const replicas = async () => (await apps().readNamespacedStatefulSet({ namespace: ns, name: 'db' })).spec!.replicas;
  const before = { roll: await revision(), tick: (await batch().readNamespacedCronJob({ namespace: ns, name: 'tick' })).metadata!.resourceVersion, jobs: await jobs(), db: await replicas() };
  await ui.openObject('deployments', ns, 'roll');
  await expect(ui.button('Edit')).toBeDisabled();
  await expect(ui.history().getByRole('button', { name: /^Roll back to / }).first()).toBeDisabled();
  await ui.openObject('statefulsets', ns, 'db');
  // A disabled fieldset disables its controls (Playwright judges the controls, not the fieldset).
  await expect(ui.replicasInput('db', false)).toBeDisabled();
  await expect(ui.scaleControl('db', false).getByRole('button', { name: 'More replicas of db' })).toBeDisabled();
  await expect(ui.scaleControl('db', false).locator('fieldset')).toHaveAttribute('title', new RegExp(`^You cannot patch statefulsets/scale "db" in ${ns}`));
  await ui.openObject('cronjobs', ns, 'tick');
  for (const label of ['Suspend', 'Run now', 'Delete']) await expect(ui.button(label)).toBeDisabled();
  await page.goto(`/deployments?ns=${ns}`);
  await expect(page.getByRole('button', { name: 'Create Deployment' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Create Deployment' })).toHaveAttribute('title', new RegExp(`^You cannot create deployments in ${ns}`));
  for (const [url, body] of [
    // A revision whose template is not the current one, so the undo would write (and RBAC decides).
    [`/api/k8s/deployments/${ns}/roll/actions/undo`, { revision: (await image()) === 'nginx:1.1' ? 2 : 1 }],
    [`/api/k8s/cronjobs/${ns}/tick/actions/run-now`, undefined],
    [`/api/k8s/cronjobs/${ns}/tick/actions/unsuspend`, undefined],
    [`/api/k8s/statefulsets/${ns}/db/scale`, { replicas: 4 }],
  ] as const) {
    const res = await ui.forced(url.endsWith('scale') ? 'PATCH' : 'POST', url, body ?? {});
    expect([url, res.status, res.body.error?.reason]).toEqual([url, 403, 'Forbidden']);
  }
  // A CRD and an object of its kind in one stream: refused at the CRD, so neither exists.
  const group = `e2e${run}v.example.com`;
  const stream = `${gadgetCrd(group)}---\n${gadget(group)}`;
  const applied = await ui.forced('POST', '/api/apply', { yaml: stream, mode: 'apply', onlyValid: true });
  // Each document fails on its own (the CRD 403, its object then has no CRD), so the answer is "documents have errors".
  const causes = (applied.body.error as { causes?: { field?: string; reason?: string }[] } | undefined)?.causes ?? [];
  expect([applied.status, causes.find((c) => c.field?.includes('CustomResourceDefinition'))?.reason]).toEqual([422, 'Forbidden']);
  expect(kubectl('get', 'crd', '--ignore-not-found', `gadgets.${group}`)).toBe('');
  const del = await ui.forced('DELETE', `/api/k8s/namespaces/-/${ns}?confirm=${ns}`);
  expect(del.status).toBe(403);
  expect(await revision()).toBe(before.roll);
  expect((await batch().readNamespacedCronJob({ namespace: ns, name: 'tick' })).metadata!.resourceVersion).toBe(before.tick);
  expect(await jobs()).toBe(before.jobs);
  expect(await replicas()).toBe(before.db);
  expect((await core().readNamespace({ name: ns })).status!.phase).toBe('Active');
});

test('delete a namespace after typing its name', async ({ page, signInAs }) => {
  const doomed = `e2e-op-del-${run}`;
  await core().createNamespace({ body: { metadata: { name: doomed } } });
  await signInAs('admin-user');
  const ui = new ObjectPage(page);
  await ui.openObject('namespaces', undefined, doomed);
  await ui.button('Delete').click();
  const confirm = ui.dialog().getByRole('button', { name: 'Delete', exact: true });
  await expect(confirm).toBeDisabled();
  await ui.dialog().getByLabel('Name to confirm').fill(doomed.slice(0, -1));
  await expect(confirm).toBeDisabled();
  await ui.dialog().getByLabel('Name to confirm').fill(doomed);
  await confirm.click();
  await expect.poll(async () => {
    try {
      return (await core().readNamespace({ name: doomed })).status!.phase;
    } catch {
      return 'gone';
    }
  }).toMatch(/Terminating|gone/);
});
