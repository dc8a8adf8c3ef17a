import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { adminKubeConfig } from '../cluster/state';
import { expect, test, USERS } from './fixtures';
import { kubectl } from './kubectl';
import { ObjectPage } from './pages/object-page';

// A custom resource whose CRD declares a scale subresource gets the same scale control as a Deployment, from
// discovery alone (no code knows the kind): validation, the HPA warning, live follow until its controller reports
// the new count (this test plays the controller by writing the status subresource). Effects are read back through
// the scale subresource with kubectl; the viewer (given read access to the kind) is refused with nothing changed.

const run = randomBytes(3).toString('hex');
const ns = `e2e-op-cr-${run}`;
const group = `e2e${run}.example.com`;
const kind = `dials.${group}`;
const viewRole = `e2e-dials-view-${run}`;
const custom = () => adminKubeConfig().makeApiClient(CustomObjectsApi);
const core = () => adminKubeConfig().makeApiClient(CoreV1Api);

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: ${kind} }
spec:
  group: ${group}
  scope: Namespaced
  names: { plural: dials, singular: dial, kind: Dial }
  versions:
    - name: v1
      served: true
      storage: true
      subresources:
        status: {}
        scale: { specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas, labelSelectorPath: .status.selector }
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec: { type: object, properties: { replicas: { type: integer } } }
            status: { type: object, properties: { replicas: { type: integer }, selector: { type: string } } }
---
# Read access for the built-in "view" role (aggregated), so the viewer sees the object and is refused only the change.
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: ${viewRole}, labels: { rbac.authorization.k8s.io/aggregate-to-view: "true" } }
rules:
  - { apiGroups: ["${group}"], resources: [dials, dials/scale], verbs: [get, list, watch] }
`;

/** spec.replicas as the scale subresource reports it (kubectl's own path, not the console's). */
const replicas = () => Number(kubectl('-n', ns, 'get', kind, 'd1', '--subresource=scale', '-o', 'jsonpath={.spec.replicas}'));
/** What the kind's controller would do once it has the pods: report them in status. */
const report = (n: number) => kubectl('-n', ns, 'patch', kind, 'd1', '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: { replicas: n } }));

function applyManifest(yaml: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'wh-e2e-'));
  try {
    writeFileSync(path.join(dir, 'm.yaml'), yaml);
    kubectl('apply', '-f', path.join(dir, 'm.yaml'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.beforeAll(async () => {
  await core().createNamespace({ body: { metadata: { name: ns, labels: { 'wheelhouse.test/e2e': 'operate' } } } });
  applyManifest(crd);
  kubectl('wait', '--for=condition=Established', `crd/${kind}`, '--timeout=30s');
  // The kind is served (discovery may lag the condition) and the aggregated view role has reached the viewer.
  await expect.poll(() => {
    try {
      return kubectl('auth', 'can-i', 'get', kind, '--subresource=scale', '-n', ns, `--as=${USERS.viewer}`).trim();
    } catch {
      return 'no';
    }
  }, { timeout: 30_000 }).toBe('yes');
  await expect.poll(async () => {
    try {
      await custom().createNamespacedCustomObject({ group, version: 'v1', namespace: ns, plural: 'dials', body: { apiVersion: `${group}/v1`, kind: 'Dial', metadata: { name: 'd1' }, spec: { replicas: 1 } } });
      return 'created';
    } catch (e) {
      return String(e);
    }
  }, { timeout: 30_000 }).toBe('created');
  report(1);
});
test.afterAll(async () => {
  kubectl('delete', 'crd', kind, '--ignore-not-found', '--wait=false');
  kubectl('delete', 'clusterrole', viewRole, '--ignore-not-found');
  await core().deleteNamespace({ name: ns }).catch(() => undefined);
});

test('scale a custom resource 1 → 3 → 1 through its scale subresource, followed until its controller reports', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const ui = new ObjectPage(page);
  await ui.openObject(kind, ns, 'd1');
  await expect(ui.replicasInput('d1', false)).toHaveValue('1');

  // Refused before any call: not a whole number, and (forced past the control) a string.
  await ui.replicasInput('d1', false).fill('-1');
  await expect(ui.scaleControl('d1', false).getByRole('alert')).toBeVisible();
  await expect(ui.scaleButton('d1', false)).toBeDisabled();
  await ui.replicasInput('d1', false).press('Escape');
  const bad = await ui.forced('PATCH', `/api/k8s/${kind}/${ns}/d1/scale`, { replicas: '3' });
  expect([bad.status, bad.body.error?.reason]).toEqual([400, 'BadRequest']);
  expect(replicas()).toBe(1);

  await ui.scaleTo('d1', 3, false);
  await expect.poll(replicas).toBe(3);
  // Nobody has reported the new count yet: the change is still on its way.
  await expect(ui.scaleStatus('d1', false)).toContainText('scaling to 3');
  report(3);
  await expect(ui.scaleStatus('d1', false)).toContainText('scaled to 3');
  await expect(ui.replicasInput('d1', false)).toHaveValue('3');

  await ui.scaleTo('d1', 1, false);
  await expect.poll(replicas).toBe(1);
  report(1);
  await expect(ui.scaleStatus('d1', false)).toContainText('scaled to 1');
  const obj = await custom().getNamespacedCustomObject({ group, version: 'v1', namespace: ns, plural: 'dials', name: 'd1' });
  expect((obj as { spec: { replicas: number } }).spec.replicas).toBe(1);
});

test('scaling a custom resource from its list row, with an HPA targeting it, asks first; cancelled, nothing changes', async ({ page, signInAs }) => {
  // min = max = the current count: whatever the HPA controller makes of a kind without metrics, it keeps 1.
  applyManifest(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: dial-hpa, namespace: ${ns} }
spec:
  scaleTargetRef: { apiVersion: ${group}/v1, kind: Dial, name: d1 }
  minReplicas: 1
  maxReplicas: 1
`);
  try {
    await signInAs('admin-user');
    const ui = new ObjectPage(page);
    // From the list this time: the row's control, opened on demand.
    await ui.scaleRowTo(kind, ns, 'd1', 1, 2);
    await expect(ui.dialog()).toContainText('HorizontalPodAutoscaler dial-hpa targets this Dial (min 1, max 1)');
    await ui.confirm('Cancel');
    await expect(ui.dialog()).toBeHidden();
    expect(replicas()).toBe(1);
  } finally {
    kubectl('-n', ns, 'delete', 'hpa', 'dial-hpa', '--ignore-not-found');
  }
});

test('the viewer cannot scale a custom resource: disabled with the permission named, a forced request gets 403', async ({ page, signInAs }) => {
  await signInAs('viewer');
  const ui = new ObjectPage(page);
  const rv = () => kubectl('-n', ns, 'get', kind, 'd1', '-o', 'jsonpath={.metadata.resourceVersion}');
  const before = rv();
  await ui.openObject(kind, ns, 'd1');
  await expect(ui.replicasInput('d1', false)).toHaveValue('1');
  // A disabled fieldset disables its controls (Playwright judges the controls, not the fieldset).
  await expect(ui.replicasInput('d1', false)).toBeDisabled();
  await expect(ui.scaleControl('d1', false).getByRole('button', { name: 'More replicas of d1' })).toBeDisabled();
  await expect(ui.scaleControl('d1', false).locator('fieldset')).toHaveAttribute('title', `You cannot patch dials/scale "d1" in ${ns} (${USERS.viewer})`);
  const res = await ui.forced('PATCH', `/api/k8s/${kind}/${ns}/d1/scale`, { replicas: 3 });
  expect([res.status, res.body.error?.reason]).toEqual([403, 'Forbidden']);
  expect(res.body.error?.message).toContain(`cannot patch resource "dials/scale" in API group "${group}"`);
  expect(replicas()).toBe(1);
  expect(rv()).toBe(before);
});
