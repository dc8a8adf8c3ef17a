import { expect, test } from './fixtures';
import { ShellPage } from './exec-support';
import { KindsPage } from './pages/kinds-page';

// Saves the README's screenshots of the main pages (docs/screenshots/), each taken once the page shows its data.
const SHOTS = 'docs/screenshots';

test.use({ viewport: { width: 1440, height: 860 }, colorScheme: 'light' });

test('screenshots of the main pages', async ({ signInAs, page }) => {
  const ui = await signInAs('admin-user');
  const shoot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });

  await ui.open('/pods');
  await expect(ui.row('Pods', 'web-site')).toBeVisible();
  // Usage (metrics-server) arrives one sampling window after the cluster starts.
  await expect(ui.cell('Pods', 'web-site', 'cpuUsage')).toHaveText(/^\d+m$/, { timeout: 90_000 });
  await shoot('pods');

  await ui.open('/deployments?ns=default');
  await expect(ui.cell('Deployments', 'nginx', 'ready')).toHaveText('3/3');
  await shoot('deployments');

  await ui.open('/services?ns=default');
  await expect(ui.cell('Services', 'web-site-svc', 'ports')).toHaveText(/^80:\d+\/TCP,88:\d+\/TCP$/);
  await shoot('services');

  await ui.open('/deployments/default/nginx');
  await expect(page.getByRole('heading', { name: /nginx/ }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Pods' }).locator('tbody tr[data-row-name]')).toHaveCount(3);
  await shoot('deployment-detail');

  await ui.open('/deployments/default/cpu-hog');
  await expect(page.getByTestId('workload-cpu')).toHaveText(/^\d+m$/, { timeout: 90_000 });
  await shoot('workload-usage');

  await ui.open('/');
  await expect(page.getByRole('table', { name: 'Nodes' }).locator('tbody tr[data-row-name]')).toHaveCount(3);
  await expect(page.getByTestId('cluster-usage')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('list', { name: 'Top 10 by CPU' }).getByRole('listitem').first()).toHaveAttribute('data-pod', /cpu-hog/);
  await shoot('overview');
});

test('screenshots of any kind: a custom resource with its printer columns, a StatefulSet', async ({ signInAs, page }) => {
  await signInAs('admin-user');
  const kinds = new KindsPage(page);
  await kinds.openList('backups.ops.wheelhouse.io', { wide: true });
  await kinds.waitForSynced();
  await expect(page.locator('section[data-kind] tbody tr[data-row-name]')).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/custom-resources.png` });

  await page.goto('/statefulsets/default/db');
  await expect(page.locator('[data-field="Update strategy"]').first()).toContainText('RollingUpdate');
  await expect(page.getByRole('table', { name: 'Pods' }).locator('tbody tr[data-row-name]')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/statefulset.png` });
});

test('screenshot of a namespace-scoped user', async ({ signInAs, page }) => {
  const ui = await signInAs('team-a-editor');
  await ui.open('/pods?ns=team-a');
  await expect(page.getByText('You may not list namespaces here')).toBeVisible();
  await expect(page.locator('tbody tr[data-row-name]').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/team-a.png` });
});

test('screenshot of a shell in a pod', async ({ signInAs, page }) => {
  await signInAs('admin-user');
  const shell = new ShellPage(page);
  await shell.open('default', 'web-site');
  await shell.connect('nginx');
  await shell.expectOpen();
  await shell.type('echo $((6*7)); stty size; ls -a');
  await shell.expectRow((r) => r === '42', 'the answer');
  await page.screenshot({ path: `${SHOTS}/terminal.png` });
});
