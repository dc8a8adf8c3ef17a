import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { adminKubeConfig } from '../cluster/state';
import { expect, test } from './fixtures';
import { OverviewPage } from './pages/overview-page';

// The overview's numbers come from the API server; each card may fail on its own without blanking the page.

function counters(namespace?: string): Record<string, () => Promise<number>> {
  const kc = adminKubeConfig();
  const core = kc.makeApiClient(CoreV1Api);
  const apps = kc.makeApiClient(AppsV1Api);
  const n = (p: Promise<{ items: unknown[] }>) => p.then((l) => l.items.length);
  return namespace
    ? {
        pods: () => n(core.listNamespacedPod({ namespace })),
        deployments: () => n(apps.listNamespacedDeployment({ namespace })),
        replicasets: () => n(apps.listNamespacedReplicaSet({ namespace })),
        services: () => n(core.listNamespacedService({ namespace })),
      }
    : {
        pods: () => n(core.listPodForAllNamespaces()),
        deployments: () => n(apps.listDeploymentForAllNamespaces()),
        replicasets: () => n(apps.listReplicaSetForAllNamespaces()),
        services: () => n(core.listServiceForAllNamespaces()),
        namespaces: () => n(core.listNamespace()),
        nodes: () => n(core.listNode()),
      };
}

test('admin: counts match the API, 3 nodes Ready', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const overview = new OverviewPage(page);
  await overview.openOverview();
  for (const [kind, count] of Object.entries(counters())) {
    // Re-read the API on each try: other tests may be changing the cluster meanwhile.
    await expect(async () => {
      await expect(overview.countValue(kind)).toHaveText(String(await count()), { timeout: 3_000 });
    }).toPass({ timeout: 20_000 });
  }
  await expect(overview.card('pods')).toHaveAttribute('href', '/pods');

  const nodes = (await adminKubeConfig().makeApiClient(CoreV1Api).listNode()).items.map((n) => n.metadata!.name!).sort();
  expect(nodes).toHaveLength(3);
  await expect.poll(async () => (await overview.rowNames('Nodes')).sort()).toEqual(nodes);
  for (const name of nodes) await expect(overview.cell('Nodes', name, 'status')).toHaveText('Ready');
  await expect(overview.table('Warning events')).toBeVisible();
});

test('team-a-editor in team-a: namespaced counts work, the nodes card explains it is forbidden', async ({ page, signInAs }) => {
  await signInAs('team-a-editor');
  const overview = new OverviewPage(page);
  await overview.openOverview('team-a');
  const count = counters('team-a');
  await expect(async () => {
    await expect(overview.countValue('pods')).toHaveText(String(await count.pods()), { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await expect(overview.countValue('deployments')).toHaveText(String(await count.deployments()));
  await expect(overview.card('pods')).toHaveAttribute('href', '/pods?ns=team-a');

  await expect(overview.countValue('nodes')).toHaveText('—');
  await expect(overview.card('nodes')).toHaveAccessibleDescription(/forbidden/i);
  await expect(overview.card('nodes')).toHaveAttribute('title', /forbidden/i);
  await expect(overview.card('namespaces')).toHaveCount(0);
  // The rest of the page still renders: the nodes table says why it is empty, the warnings table is there.
  await expect(page.getByRole('alert').filter({ hasText: 'cannot list nodes' })).toBeVisible();
  await expect(overview.table('Warning events')).toBeVisible();
});
