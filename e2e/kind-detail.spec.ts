import { expect, test } from './fixtures';
import { kubectl, kubectlTable } from './kubectl';

// The generic detail page opens for any kind; the richer sections come from per-kind enrichments (lib/k8s/enrich.ts).

test('a StatefulSet: update strategy, its pods, owner links from its pods, YAML with managedFields folded', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  await page.goto('/statefulsets/default/db');
  const summary = page.getByRole('list', { name: 'Summary' }).or(page.locator('dl[aria-label="Summary"]'));
  await expect(summary.locator('[data-field="Update strategy"]')).toContainText('RollingUpdate');
  const pods = kubectlTable('get', 'pods', '-n', 'default', '-l', 'app=db').map((p) => p.NAME).sort();
  expect(pods).toEqual(['db-0', 'db-1']);
  for (const p of pods) await expect(page.getByRole('table', { name: 'Pods' }).locator(`tr[data-row-name="${p}"]`)).toBeVisible();
  const yaml = page.getByTestId('object-yaml');
  await expect(yaml).toContainText('kind: StatefulSet');
  await expect(yaml).not.toContainText('managedFields');
  await page.getByRole('button', { name: 'Show managedFields' }).click();
  await expect(page.getByTestId('managed-fields')).toContainText('manager:');
  // A pod of the set links back to its owner.
  await page.goto('/pods/default/db-0');
  await page.locator('[data-field="Controlled by"]').getByRole('link', { name: 'StatefulSet/db' }).click();
  await expect(page).toHaveURL(/\/statefulsets\/default\/db$/);
});

test('a PVC links to its volume; a CRD links to its objects; an Ingress to its services', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const volume = kubectl('get', 'pvc', 'web-content', '-n', 'default', '-o', 'jsonpath={.spec.volumeName}');
  await page.goto('/persistentvolumeclaims/default/web-content');
  await expect(page.locator('[data-field="Status"]').first()).toContainText('Bound');
  await page.locator('[data-field="Volume"]').getByRole('link', { name: volume }).last().click();
  await expect(page).toHaveURL(new RegExp(`/persistentvolumes/-/${volume}$`));
  await expect(page.locator('[data-field="Claim"]').first()).toContainText('default/web-content');

  await page.goto('/customresourcedefinitions/-/backups.ops.wheelhouse.io');
  await expect(page.locator('[data-field="v1 column Last Backup"]')).toContainText('.status.lastBackup');
  await page.locator('[data-field="Objects"]').getByRole('link').click();
  await expect(page).toHaveURL(/\/backups\.ops\.wheelhouse\.io$/);
  const names = kubectlTable('get', 'backups.ops.wheelhouse.io', '-A').map((b) => b.NAME).sort();
  await expect.poll(() => page.locator('section[data-kind] tbody tr[data-row-name]').evaluateAll((t) => t.map((r) => r.getAttribute('data-row-name')).sort())).toEqual(names);

  await page.goto('/ingresses/default/web');
  for (const svc of ['nginx', 'web-site-svc']) await expect(page.locator('[data-field="Services"]').getByRole('link', { name: svc })).toBeVisible();
});
