import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { adminKubeConfig } from '../cluster/state';
import { expect, test } from './fixtures';
import { DetailPage } from './pages/detail-page';

// Detail pages against the seeded objects; every expectation is checked against what the API server reports.

const core = () => adminKubeConfig().makeApiClient(CoreV1Api);
const apps = () => adminKubeConfig().makeApiClient(AppsV1Api);

async function podNames(namespace: string, labelSelector: string): Promise<string[]> {
  const list = await core().listNamespacedPod({ namespace, labelSelector });
  return list.items.map((p) => p.metadata!.name!).sort();
}

test('deployment default/nginx: selector, its pods and its conditions', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const detail = new DetailPage(page);
  await detail.openObject('deployments', 'default', 'nginx');
  await expect(detail.field('Selector')).toHaveText('app=nginx');
  await expect(detail.metadataField('Labels')).toBeVisible();

  await expect(async () => {
    const expected = await podNames('default', 'app=nginx');
    expect(expected).toHaveLength(3);
    expect((await detail.rowNames('Pods')).sort()).toEqual(expected);
  }).toPass({ timeout: 20_000 });

  await expect(detail.cell('Conditions', 'Available', 'status')).toHaveText('True');
  await expect(detail.cell('Conditions', 'Progressing', 'status')).toHaveText('True');
  await expect(detail.table('Pod template')).toContainText('nginx');
  await expect(detail.table('Events')).toBeVisible();
});

test('pod web-site: both containers, node and IP as the API reports them, no owner', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const pod = await core().readNamespacedPod({ namespace: 'default', name: 'web-site' });
  const detail = new DetailPage(page);
  await detail.openObject('pods', 'default', 'web-site');

  expect(pod.spec!.containers.map((c) => c.name).sort()).toEqual(['helloecho', 'nginx']);
  for (const c of pod.spec!.containers) {
    await expect(detail.cell('Containers', c.name, 'image')).toHaveText(c.image!);
  }
  await expect(detail.cell('Containers', 'nginx', 'ports')).toContainText('80/TCP');
  await expect(detail.cell('Containers', 'helloecho', 'ports')).toContainText('5678/TCP');
  await expect(detail.cell('Containers', 'nginx', 'state')).toContainText('Running');

  await expect(detail.field('Node')).toHaveText(pod.spec!.nodeName!);
  await expect(detail.field('IP')).toHaveText(pod.status!.podIP!);
  await expect(detail.field('Controlled by')).toHaveText('<none>');
  await expect(detail.ownerLink()).toHaveCount(0);
  await expect(detail.cell('Conditions', 'Ready', 'status')).toHaveText('True');
});

test('owner links: a pod of nginx → its ReplicaSet → Deployment nginx', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const [podName] = await podNames('default', 'app=nginx');
  const pod = await core().readNamespacedPod({ namespace: 'default', name: podName });
  const rsName = pod.metadata!.ownerReferences!.find((o) => o.kind === 'ReplicaSet')!.name;
  const rs = await apps().readNamespacedReplicaSet({ namespace: 'default', name: rsName });
  expect(rs.metadata!.ownerReferences!.find((o) => o.kind === 'Deployment')!.name).toBe('nginx');

  const detail = new DetailPage(page);
  await detail.openObject('pods', 'default', podName);
  await expect(detail.ownerLink()).toHaveText(`ReplicaSet/${rsName}`);
  await detail.ownerLink().click();
  await expect(page).toHaveURL(new RegExp(`/replicasets/default/${rsName}$`));
  await detail.expectLoaded(rsName);
  await expect(detail.row('Pods', podName)).toBeVisible();

  await expect(detail.ownerLink()).toHaveText('Deployment/nginx');
  await detail.ownerLink().click();
  await expect(page).toHaveURL(/\/deployments\/default\/nginx$/);
  await detail.expectLoaded('nginx');
});

test('service web-site-svc: endpoints point at the web-site pod', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const pod = await core().readNamespacedPod({ namespace: 'default', name: 'web-site' });
  const ip = pod.status!.podIP!;
  const detail = new DetailPage(page);
  await detail.openObject('services', 'default', 'web-site-svc');
  await expect(detail.field('Selector')).toHaveText('app=web');
  await expect(detail.cell('Endpoints', ip, 'pod')).toHaveText('web-site');
  await expect(detail.cell('Endpoints', ip, 'node')).toHaveText(pod.spec!.nodeName!);
  await expect(detail.row('Pods', 'web-site')).toBeVisible();
});

test('a missing object says so and links back to its list', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const detail = new DetailPage(page);
  await detail.open('/deployments/default/no-such-deployment');
  await expect(detail.alert()).toContainText('deployment default/no-such-deployment not found');
  await detail.alert().getByRole('link', { name: 'Back to Deployments' }).click();
  await expect(page).toHaveURL(/\/deployments\?ns=default$/);
});

test('an object the user may not read shows why', async ({ page, signInAs }) => {
  await signInAs('team-a-editor');
  const detail = new DetailPage(page);
  await detail.open('/deployments/team-b/worker');
  await expect(detail.alert()).toHaveAttribute('data-reason', 'Forbidden');
  await expect(detail.alert()).toContainText('cannot get deployment team-b/worker');
});

test('a node page lists the pods scheduled on it', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const pod = await core().readNamespacedPod({ namespace: 'default', name: 'web-site' });
  const node = pod.spec!.nodeName!;
  const detail = new DetailPage(page);
  await detail.openObject('nodes', undefined, node);
  await expect(detail.row('Pods', 'web-site')).toBeVisible();
  await expect(detail.cell('Conditions', 'Ready', 'status')).toHaveText('True');
});
