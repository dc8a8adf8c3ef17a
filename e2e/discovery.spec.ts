import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readClusterState } from '../cluster/state';
import { expect, test, USERS } from './fixtures';
import { kubectl } from './kubectl';
import { KindsPage } from './pages/kinds-page';

// The sidebar comes from the API server's discovery and the user's own permissions.

/** kubectl auth can-i as another user (impersonated by the admin kubeconfig): the independent witness of RBAC. */
function canI(user: string, verb: string, resource: string, namespace?: string): boolean {
  const { binDir, kubeconfig } = readClusterState();
  const args = ['--kubeconfig', kubeconfig, 'auth', 'can-i', verb, resource, '--as', user, ...(namespace ? ['-n', namespace] : [])];
  try {
    return execFileSync(path.join(binDir, 'kubectl'), args, { encoding: 'utf8' }).trim() === 'yes';
  } catch {
    return false; // "no" exits 1
  }
}

test('a CRD created during the test appears in the sidebar and lists its objects, without a reload', async ({ page, signInAs }) => {
  const group = `e2e-${randomBytes(3).toString('hex')}.wheelhouse.test`;
  await signInAs('admin-user');
  const ui = new KindsPage(page);
  await ui.openList('configmaps', { namespace: 'default' });
  await expect(ui.sidebarGroup('Config & Storage').getByRole('link', { name: 'ConfigMaps' })).toBeVisible();
  await expect(ui.sidebar().getByRole('group', { name: group })).toHaveCount(0);
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: `gizmos.${group}` },
    spec: {
      group, scope: 'Namespaced', names: { plural: 'gizmos', singular: 'gizmo', kind: 'Gizmo', shortNames: ['gz'] },
      versions: [{
        name: 'v1', served: true, storage: true,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { color: { type: 'string' } } } } } },
        additionalPrinterColumns: [{ name: 'Color', type: 'string', jsonPath: '.spec.color' }],
      }],
    },
  };
  try {
    execFileSync(kubectlBin(), [...adminArgs(), 'apply', '-f', '-'], { input: JSON.stringify(crd) });
    kubectl('wait', '--for=condition=Established', `crd/gizmos.${group}`, '--timeout=30s');
    execFileSync(kubectlBin(), [...adminArgs(), 'apply', '-f', '-'], {
      input: JSON.stringify({ apiVersion: `${group}/v1`, kind: 'Gizmo', metadata: { name: 'blue-one', namespace: 'default' }, spec: { color: 'blue' } }),
    });
    // The sidebar polls discovery every 30 s (and on focus): no reload here.
    const link = ui.sidebar().getByRole('group', { name: group }).getByRole('link', { name: 'Gizmos' });
    await expect(link).toBeVisible({ timeout: 60_000 });
    await link.click();
    // A plural no other group serves is its own URL name.
    await expect(page).toHaveURL(/\/gizmos\?ns=default$/);
    await ui.waitForSynced('gizmos');
    // A CRD with its own printer columns gets no default AGE column (kubectl shows the same).
    expect(await ui.headers()).toEqual(['NAME', 'COLOR']);
    await expect.poll(async () => (await ui.rows()).map((r) => r.slice(0, 2))).toEqual([['blue-one', 'blue']]);
  } finally {
    kubectl('delete', 'crd', `gizmos.${group}`, '--ignore-not-found', '--wait=false');
  }
});

test('team-a sees the namespaced kinds it may list in team-a, and no cluster-scoped kinds it may not', async ({ page, signInAs }) => {
  await signInAs('team-a-editor');
  const ui = new KindsPage(page);
  // A user who may not list namespaces starts in their ServiceAccount's namespace.
  await expect(page).toHaveURL(/[?&]ns=team-a/);
  const user = USERS['team-a-editor'];
  const expectations: [string, string, string | undefined][] = [
    ['Pods', 'pods', 'team-a'], ['ConfigMaps', 'configmaps', 'team-a'], ['Secrets', 'secrets', 'team-a'], ['StatefulSets', 'statefulsets.apps', 'team-a'],
    ['CronJobs', 'cronjobs.batch', 'team-a'], ['Nodes', 'nodes', undefined], ['PersistentVolumes', 'persistentvolumes', undefined],
    ['ClusterRoles', 'clusterroles.rbac.authorization.k8s.io', undefined], ['Namespaces', 'namespaces', undefined], ['Backups', 'backups.ops.wheelhouse.io', 'team-a'],
  ];
  await expect(ui.sidebarGroup('Workloads').getByRole('link', { name: 'Pods' })).toBeVisible();
  for (const [title, resource, ns] of expectations) {
    const allowed = canI(user, 'list', resource, ns);
    await expect(ui.sidebar().getByRole('link', { name: title, exact: true }), `${title}: kubectl auth can-i says ${allowed}`).toHaveCount(allowed ? 1 : 0);
  }
  expect(canI(user, 'list', 'nodes')).toBe(false);
  await expect(ui.sidebar().getByRole('link', { name: 'Nodes', exact: true })).toHaveCount(0);
  // What the sidebar offers lists without a 403.
  await ui.sidebar().getByRole('link', { name: 'ConfigMaps', exact: true }).click();
  await ui.waitForSynced('configmaps');
  await expect.poll(() => ui.rowNames()).toContain('app-config');
  await expect(page.locator('[role="alert"][data-reason="Forbidden"]')).toHaveCount(0);
});

test('"go to" finds a kind by short name', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const ui = new KindsPage(page);
  await ui.openList('pods', { namespace: 'default' });
  await page.keyboard.press('g');
  await expect(page.getByRole('searchbox', { name: 'Go to' }).or(page.getByRole('textbox', { name: 'Go to' }))).toBeFocused();
  await page.keyboard.type('sts');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/statefulsets\?ns=default/);
  await expect.poll(() => ui.rowNames()).toEqual(['db']);
});

function kubectlBin(): string {
  return path.join(readClusterState().binDir, 'kubectl');
}
function adminArgs(): string[] {
  return ['--kubeconfig', readClusterState().kubeconfig];
}
