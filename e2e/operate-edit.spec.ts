import { randomBytes } from 'node:crypto';
import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { adminKubeConfig } from '../cluster/state';
import { expect, test } from './fixtures';
import { kubectl } from './kubectl';
import { ObjectPage } from './pages/object-page';

// Edit in place against the local control plane: every effect is read back with client-node or kubectl as the
// cluster admin. Objects live in a namespace of this spec's own, deleted at the end.

const ns = `e2e-op-edit-${randomBytes(3).toString('hex')}`;
const core = () => adminKubeConfig().makeApiClient(CoreV1Api);
const apps = () => adminKubeConfig().makeApiClient(AppsV1Api);
const labels = { app: 'web' };

test.beforeAll(async () => {
  await core().createNamespace({ body: { metadata: { name: ns, labels: { 'wheelhouse.test/e2e': 'operate' } } } });
  await apps().createNamespacedDeployment({ namespace: ns, body: {
    metadata: { name: 'web', labels },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.1' }] } } },
  } });
  await core().createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'settings' }, data: { a: '1', b: '2' } } });
});
test.afterAll(async () => {
  await core().deleteNamespace({ name: ns }).catch(() => undefined);
});

test("edit a Deployment's image: preview diff, save; the console owns only the image", async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const ui = new ObjectPage(page);
  await ui.openObject('deployments', ns, 'web');
  await ui.button('Edit').click();
  await expect(ui.editor()).toBeVisible();
  const { yaml } = await ui.editable('deployments', ns, 'web');
  expect(yaml).not.toMatch(/managedFields|resourceVersion|uid:/);
  await ui.setYaml(yaml.replace('image: nginx:1.1', 'image: nginx:1.2'));
  await ui.editButton('Preview').click();
  await expect(page.getByLabel('What saving would change')).toContainText('+          image: nginx:1.2');
  expect((await apps().readNamespacedDeployment({ namespace: ns, name: 'web' })).spec!.template.spec!.containers[0].image).toBe('nginx:1.1');
  await page.screenshot({ path: '/tmp/wh/shots/edit-preview-diff.png' });
  await ui.editButton('Save').click();
  await expect.poll(async () => (await apps().readNamespacedDeployment({ namespace: ns, name: 'web' })).spec!.template.spec!.containers[0].image).toBe('nginx:1.2');
  const managed = (await apps().readNamespacedDeployment({ namespace: ns, name: 'web' })).metadata!.managedFields!.filter((f) => f.manager === 'wheelhouse');
  expect(managed.map((f) => [f.operation, f.fieldsV1])).toEqual([
    ['Update', { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"c"}': { 'f:image': {} } } } } } }],
  ]);
});

test("edit a ConfigMap's data; a kubectl change in between is a conflict that overwrites nothing", async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const ui = new ObjectPage(page);
  await page.goto(`/configmaps/${ns}/settings/edit`);
  await expect(ui.editor()).toBeVisible();
  const { yaml } = await ui.editable('configmaps', ns, 'settings');
  await ui.setYaml(yaml.replace('a: "1"', 'a: "from-console"'));
  kubectl('-n', ns, 'patch', 'configmap', 'settings', '--type=merge', '-p', '{"data":{"b":"from-kubectl"}}');
  await ui.editButton('Save').click();
  const conflict = page.getByTestId('edit-conflict');
  await expect(conflict).toContainText('+  b: from-kubectl');
  await expect(page.getByRole('alert').first()).toContainText('Conflict');
  expect((await core().readNamespacedConfigMap({ namespace: ns, name: 'settings' })).data).toEqual({ a: '1', b: 'from-kubectl' });
  // The user decides: their edit replayed on the latest version, then saved.
  await conflict.getByRole('button', { name: 'Re-apply my edits to the latest version' }).click();
  await ui.editButton('Save').click();
  await expect.poll(async () => (await core().readNamespacedConfigMap({ namespace: ns, name: 'settings' })).data).toEqual({ a: 'from-console', b: 'from-kubectl' });
  const cm = await core().readNamespacedConfigMap({ namespace: ns, name: 'settings' });
  expect(cm.metadata!.managedFields!.filter((f) => f.manager === 'wheelhouse').map((f) => f.fieldsV1)).toEqual([{ 'f:data': { 'f:a': {} } }]);
});

test('the viewer cannot edit: Save disabled with the permission named, a forced save refused, nothing changed', async ({ page, signInAs }) => {
  await signInAs('viewer');
  const ui = new ObjectPage(page);
  await page.goto(`/configmaps/${ns}/settings/edit`);
  await expect(ui.editor()).toBeVisible();
  await expect(page.getByTestId('edit-denied')).toContainText('You cannot patch configmaps "settings" in');
  await expect(ui.editButton('Save')).toBeDisabled();
  const before = await core().readNamespacedConfigMap({ namespace: ns, name: 'settings' });
  const { yaml, resourceVersion } = await ui.editable('configmaps', ns, 'settings');
  const res = await ui.forced('POST', `/api/k8s/configmaps/${ns}/settings/edit`, { original: yaml, edited: yaml.replace(/a: .*/, 'a: viewer'), resourceVersion, dryRun: false });
  expect(res.status).toBe(403);
  expect(res.body.error?.reason).toBe('Forbidden');
  const after = await core().readNamespacedConfigMap({ namespace: ns, name: 'settings' });
  expect(after.metadata!.resourceVersion).toBe(before.metadata!.resourceVersion);
});

