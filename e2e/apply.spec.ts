import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect as pwExpect, type Locator, type Page } from '@playwright/test';
import { AppsV1Api, CoreV1Api, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { adminKubeConfig, readClusterState } from '../cluster/state';
import { expect, test } from './fixtures';
import { mutationHeaders } from './pages/console-page';

// Apply YAML against the real local control plane. Every effect is checked independently with the admin
// kubeconfig (client-node) or the built kubectl, never by reading the console back.

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

class ApplyPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/apply');
    await pwExpect(this.page.getByRole('heading', { name: 'Apply YAML' })).toBeVisible();
    await pwExpect(this.editor()).toBeVisible();
  }

  editor(): Locator {
    return this.page.getByRole('textbox', { name: 'YAML manifest' });
  }

  async setYaml(text: string) {
    await this.editor().fill(text);
  }

  async preview() {
    await this.page.getByRole('button', { name: 'Preview', exact: true }).click();
    await pwExpect(this.page.getByRole('button', { name: 'Preview', exact: true })).toBeEnabled({ timeout: 30_000 });
  }

  doc(title: string): Locator {
    return this.page.getByRole('region', { name: 'Preview' }).getByRole('listitem', { name: title });
  }

  applyButton(): Locator {
    return this.page.getByRole('button', { name: 'Apply', exact: true });
  }

  async apply() {
    await this.applyButton().click();
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  resultLines(): Locator {
    return this.page.getByTestId('result-lines');
  }

  alert(): Locator {
    return this.page.getByRole('alert').first();
  }
}

const kc = () => adminKubeConfig();
const core = () => kc().makeApiClient(CoreV1Api);
const apps = () => kc().makeApiClient(AppsV1Api);

function kubectl(...args: string[]): string {
  const { binDir, kubeconfig } = readClusterState();
  return execFileSync(path.join(binDir, 'kubectl'), ['--kubeconfig', kubeconfig, ...args], { encoding: 'utf8' });
}

async function exists(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (e) {
    if ((e as { code?: number }).code === 404) return false;
    throw e;
  }
}

async function waitGone(read: () => Promise<unknown>) {
  await pwExpect.poll(() => exists(read), { timeout: 60_000 }).toBe(false);
}

const readPod = () => core().readNamespacedPod({ name: 'web-site', namespace: 'default' });
const readSvc = () => core().readNamespacedService({ name: 'web-site-svc', namespace: 'default' });
const readThrowaway = () => apps().readNamespacedDeployment({ name: 'apply-e2e-web', namespace: 'default' });
const readConfigMap = (name: string) => () => core().readNamespacedConfigMap({ name, namespace: 'default' });

/** Puts the seeded Pod + Service back the way cluster/seed.ts applies them, and waits for the Pod to run. */
async function restoreWebSite() {
  const seed = parseAllDocuments(readFileSync(path.join(__dirname, '..', 'cluster', 'seed', 'workloads.yaml'), 'utf8'))
    .map((d) => d.toJS() as KubernetesObject)
    .filter((o) => ['web-site', 'web-site-svc'].includes(o.metadata?.name ?? ''));
  const api = KubernetesObjectApi.makeApiClient(kc());
  for (const o of seed) await api.patch(o, undefined, undefined, 'wheelhouse-seed', true, PatchStrategy.ServerSideApply);
  await pwExpect.poll(async () => (await readPod()).status?.phase, { timeout: 60_000 }).toBe('Running');
}

async function deleteThrowaway() {
  if (await exists(readThrowaway)) await apps().deleteNamespacedDeployment({ name: 'apply-e2e-web', namespace: 'default' });
  await waitGone(readThrowaway);
}

test.describe('apply YAML', () => {
  test('the walkthrough Pod + Service: created, then unchanged', async ({ page, signInAs }) => {
    await core().deleteNamespacedPod({ name: 'web-site', namespace: 'default', gracePeriodSeconds: 0 }).catch(() => {});
    await core().deleteNamespacedService({ name: 'web-site-svc', namespace: 'default' }).catch(() => {});
    await waitGone(readPod);
    await waitGone(readSvc);
    try {
      await signInAs('admin-user');
      const ui = new ApplyPage(page);
      await ui.open();
      await ui.setYaml(fixture('web-site.yaml'));
      await ui.preview();
      await expect(ui.doc('Pod web-site')).toHaveAttribute('data-outcome', 'create');
      await expect(ui.doc('Service web-site-svc')).toHaveAttribute('data-outcome', 'create');
      await ui.apply();
      await expect(ui.resultLines()).toHaveText(/pod\/web-site created\s*service\/web-site-svc created/);
      const pod = await readPod();
      expect(pod.spec?.containers.map((c) => c.name)).toEqual(['nginx', 'helloecho']);
      expect(pod.metadata?.managedFields?.some((f) => f.manager === 'wheelhouse' && f.operation === 'Apply')).toBe(true);
      const svc = await readSvc();
      expect(svc.spec?.type).toBe('NodePort');
      expect(svc.spec?.ports?.map((p) => `${p.port}:${p.targetPort}`)).toEqual(['80:80', '88:5678']);

      await expect(ui.applyButton()).toBeDisabled(); // a write needs a fresh preview
      await ui.preview();
      await expect(ui.doc('Pod web-site')).toHaveAttribute('data-outcome', 'unchanged');
      await expect(ui.doc('Service web-site-svc')).toHaveAttribute('data-outcome', 'unchanged');
      const rv = (await readSvc()).metadata?.resourceVersion;
      await ui.apply();
      await expect(ui.resultLines()).toHaveText(/pod\/web-site unchanged\s*service\/web-site-svc unchanged/);
      expect((await readSvc()).metadata?.resourceVersion).toBe(rv);
    } finally {
      await restoreWebSite();
    }
  });

  test('a changed Deployment: the preview diff shows it; a kubectl-owned field conflicts until forced; delete', async ({ page, signInAs }) => {
    await deleteThrowaway();
    try {
      await signInAs('admin-user');
      const ui = new ApplyPage(page);
      await ui.open();
      const v1 = fixture('throwaway-deployment.yaml');
      await ui.setYaml(v1);
      await ui.preview();
      await expect(ui.doc('Deployment apply-e2e-web')).toHaveAttribute('data-outcome', 'create');
      await ui.apply();
      await expect(ui.resultLines()).toHaveText('deployment.apps/apply-e2e-web created');
      expect((await readThrowaway()).spec?.template.spec?.containers[0].image).toBe('nginx:1.26');

      // A change: image and a label.
      const v2 = v1.replace('image: nginx:1.26', 'image: nginx:1.27').replace('  labels:\n    app: apply-e2e-web\nspec', '  labels:\n    app: apply-e2e-web\n    tier: web\nspec');
      await ui.setYaml(v2);
      await ui.preview();
      const doc = ui.doc('Deployment apply-e2e-web');
      await expect(doc).toHaveAttribute('data-outcome', 'change');
      const diff = doc.getByTestId('diff');
      await expect(diff).toContainText('-        - image: nginx:1.26');
      await expect(diff).toContainText('+        - image: nginx:1.27');
      await expect(diff).toContainText('+    tier: web');
      await expect(diff).not.toContainText('resourceVersion');
      await expect(diff).not.toContainText('managedFields');
      await ui.apply();
      await expect(ui.resultLines()).toHaveText('deployment.apps/apply-e2e-web configured');
      const changed = await readThrowaway();
      expect(changed.spec?.template.spec?.containers[0].image).toBe('nginx:1.27');
      expect(changed.metadata?.labels?.tier).toBe('web');

      // kubectl takes .spec.replicas: applying replicas 1 again conflicts, and is not forced by default.
      kubectl('scale', 'deployment/apply-e2e-web', '--namespace', 'default', '--replicas=3');
      await ui.preview();
      await expect(doc).toHaveAttribute('data-outcome', 'error');
      const conflicts = doc.getByRole('table', { name: 'Conflicting fields of Deployment apply-e2e-web' });
      await expect(conflicts).toContainText('.spec.replicas');
      await expect(conflicts).toContainText(/kubectl/);
      await expect(ui.applyButton()).toBeDisabled();
      expect((await readThrowaway()).spec?.replicas).toBe(3);
      await page.getByRole('button', { name: /Force apply/ }).click();
      const force = ui.dialog('Force apply: take ownership of these fields?');
      await expect(force).toContainText('.spec.replicas');
      await force.getByRole('button', { name: 'Force apply' }).click();
      await expect(ui.resultLines()).toHaveText('deployment.apps/apply-e2e-web configured');
      const forced = await readThrowaway();
      expect(forced.spec?.replicas).toBe(1);
      const owner = forced.metadata?.managedFields?.find((f) => JSON.stringify(f.fieldsV1 ?? {}).includes('"f:replicas"'));
      expect(owner?.manager).toBe('wheelhouse');

      // Delete these objects, after a confirmation that lists them.
      await ui.preview();
      await page.getByRole('button', { name: 'Delete these objects…' }).click();
      const del = ui.dialog('Delete 1 object?');
      await expect(del.getByRole('list', { name: 'Objects to delete' })).toHaveText('deployment.apps "apply-e2e-web" (namespace default)');
      await del.getByRole('button', { name: 'Delete' }).click();
      await expect(ui.resultLines()).toHaveText('deployment.apps "apply-e2e-web" deleted');
      await waitGone(readThrowaway);
    } finally {
      await deleteThrowaway();
    }
  });

  test('errors are per document; only the valid ones are applied, after asking', async ({ page, signInAs }) => {
    const names = ['apply-e2e-ok', 'apply-e2e-bad-yaml', 'apply-e2e-unknown-field'];
    try {
      await signInAs('admin-user');
      const ui = new ApplyPage(page);
      await ui.open();
      await ui.setYaml(fixture('mixed-errors.yaml'));
      await ui.preview();
      await expect(page.getByTestId('preview-summary')).toHaveText('5 documents: 2 would create · 3 with errors');
      await expect(ui.doc('ConfigMap apply-e2e-ok')).toHaveAttribute('data-outcome', 'create');
      await expect(page.getByRole('status', { name: 'Warnings from the API server' })).toContainText('v1 Endpoints is deprecated');
      // The parser notices the unclosed `[` of line 20 where the next document starts.
      await expect(ui.doc('ConfigMap apply-e2e-bad-yaml')).toContainText('YAML syntax error at line 21, column 1');
      await expect(ui.doc('ClusterRole apply-e2e-old-rbac')).toContainText('the server does not serve rbac.authorization.k8s.io/v1beta1 (it may have been removed');
      await expect(ui.doc('ConfigMap apply-e2e-unknown-field')).toContainText('.colour');
      await expect(ui.doc('ConfigMap apply-e2e-unknown-field')).toContainText('unknown field');

      await ui.apply();
      const ask = ui.dialog('Apply only the valid documents?');
      await expect(ask).toContainText('3 of 5 documents have errors');
      await ask.getByRole('button', { name: 'Cancel' }).click();
      for (const n of names) expect(await exists(readConfigMap(n)), n).toBe(false);

      await ui.apply();
      await ask.getByRole('button', { name: 'Apply 2 valid documents' }).click();
      await expect(ui.resultLines()).toContainText('configmap/apply-e2e-ok created');
      await expect(ui.resultLines()).toContainText('endpoints/apply-e2e-endpoints created');
      expect((await readConfigMap('apply-e2e-ok')()).data).toEqual({ greeting: 'hello' });
      expect(await exists(readConfigMap('apply-e2e-bad-yaml'))).toBe(false);
      expect(await exists(readConfigMap('apply-e2e-unknown-field'))).toBe(false);
      expect(kubectl('get', 'clusterroles', '-o', 'name')).not.toContain('apply-e2e-old-rbac');
    } finally {
      await core().deleteNamespacedConfigMap({ name: 'apply-e2e-ok', namespace: 'default' }).catch(() => {});
      await core().deleteNamespacedEndpoints({ name: 'apply-e2e-endpoints', namespace: 'default' }).catch(() => {});
    }
  });

  test('limits: a billion-laughs document and an over-size body are refused before anything is sent', async ({ page, signInAs }) => {
    await signInAs('admin-user');
    const ui = new ApplyPage(page);
    await ui.open();
    await ui.setYaml(fixture('billion-laughs.yaml'));
    await ui.preview();
    await expect(ui.alert()).toContainText('billion laughs');
    expect(await exists(readConfigMap('apply-e2e-lol'))).toBe(false);

    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: apply-e2e-big\ndata:\n  blob: "${'x'.repeat(1024 * 1024)}"\n`;
    await page.getByLabel('Upload a YAML or JSON file').setInputFiles({ name: 'big.yaml', mimeType: 'text/yaml', buffer: Buffer.from(big) });
    await expect(page.getByTestId('yaml-size')).toContainText('too large');
    await ui.preview();
    await expect(ui.alert()).toHaveAttribute('data-reason', 'RequestEntityTooLarge');
    await expect(ui.alert()).toContainText('at most 1048576 (1 MiB)');
    const res = await page.request.post('/api/apply', { headers: await mutationHeaders(page), data: { yaml: big, mode: 'apply', onlyValid: true } });
    expect(res.status()).toBe(413);
    expect(await exists(readConfigMap('apply-e2e-big'))).toBe(false);
  });

  test('the viewer cannot apply or delete: controls disabled, forced requests get 403, nothing changes', async ({ page, signInAs }) => {
    await signInAs('viewer');
    const ui = new ApplyPage(page);
    await ui.open();
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: apply-e2e-viewer\ndata:\n  a: "1"\n';
    await ui.setYaml(yaml);
    await ui.preview();
    await expect(ui.doc('ConfigMap apply-e2e-viewer').getByRole('alert')).toHaveAttribute('data-reason', 'Forbidden');
    await expect(ui.applyButton()).toBeDisabled();
    await expect(page.getByTestId('apply-why')).toContainText('every dry-run was Forbidden');
    await expect(page.getByRole('button', { name: 'Delete these objects…' })).toBeDisabled();

    const applied = await page.request.post('/api/apply', { headers: await mutationHeaders(page), data: { yaml, mode: 'apply', force: true, onlyValid: true } });
    expect(applied.status()).toBe(403);
    expect(await exists(readConfigMap('apply-e2e-viewer'))).toBe(false);

    const before = (await readSvc()).metadata?.uid;
    const deleted = await page.request.post('/api/apply', { headers: await mutationHeaders(page), data: { yaml: fixture('web-site.yaml'), mode: 'delete', onlyValid: true } });
    expect(deleted.status()).toBe(403);
    expect((await readSvc()).metadata?.uid).toBe(before);
    expect((await readPod()).metadata?.deletionTimestamp).toBeUndefined();
  });
});
