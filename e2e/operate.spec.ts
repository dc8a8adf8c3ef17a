import { AppsV1Api, AutoscalingV2Api, CoreV1Api, type V1Deployment } from '@kubernetes/client-node';
import { adminKubeConfig } from '../cluster/state';
import { expect, test } from './fixtures';
import { OperatePage } from './pages/operate-page';

// Operate actions (scale, delete, rollout restart) on the local control plane. Every effect is checked with the
// admin's client-node, never by reading the console back. nginx is put back to 3 replicas after each test.

const apps = () => adminKubeConfig().makeApiClient(AppsV1Api);
const core = () => adminKubeConfig().makeApiClient(CoreV1Api);
const VIEWER = 'system:serviceaccount:default:viewer';
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

const deployment = (namespace = 'default', name = 'nginx') => apps().readNamespacedDeployment({ namespace, name });

async function setReplicas(namespace: string, name: string, replicas: number) {
  await apps().replaceNamespacedDeploymentScale({ namespace, name, body: { metadata: { name, namespace }, spec: { replicas } } });
}

/** Pods of the selector that are not being deleted, by name. */
async function livePods(namespace = 'default', labelSelector = 'app=nginx'): Promise<string[]> {
  const list = await core().listNamespacedPod({ namespace, labelSelector });
  return list.items.filter((p) => !p.metadata?.deletionTimestamp).map((p) => p.metadata!.name!).sort();
}

function settled(d: V1Deployment, replicas: number): boolean {
  const st = d.status ?? {};
  return d.spec?.replicas === replicas && (st.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
    && (st.replicas ?? 0) === replicas && (st.updatedReplicas ?? 0) === replicas && (st.readyReplicas ?? 0) === replicas;
}

async function waitSettled(namespace: string, name: string, replicas: number, labelSelector = `app=${name}`) {
  await expect.poll(async () => settled(await deployment(namespace, name), replicas) && (await livePods(namespace, labelSelector)).length === replicas, { timeout: 60_000 }).toBe(true);
}

test.beforeEach(async () => waitSettled('default', 'nginx', 3));
test.afterEach(async () => {
  await setReplicas('default', 'nginx', 3);
  await waitSettled('default', 'nginx', 3);
});

test('scale nginx to 5 and back, following the rollout', async ({ page, signInAs }) => {
  const before = await livePods();
  await signInAs('admin-user');
  const ui = new OperatePage(page);
  await ui.open('/deployments?ns=default');
  await expect(ui.replicasInput('nginx')).toHaveValue('3');
  await expect(ui.replicasInput('nginx')).toBeEnabled();
  await ui.more('nginx', 2);
  await expect(ui.replicasInput('nginx')).toHaveValue('5');
  await ui.scaleButton('nginx').click();

  // The request shows at once, then the live counts follow the rollout.
  await expect(ui.scaleStatus('nginx')).toContainText('scaling to 5…');
  await expect(ui.cell('Deployments', 'nginx', 'ready')).toHaveText(/^\d\/5$/);
  await expect.poll(async () => (await deployment()).spec?.replicas).toBe(5);
  await expect(ui.cell('Deployments', 'nginx', 'ready')).toHaveText('5/5', { timeout: 30_000 });
  await expect(ui.cell('Deployments', 'nginx', 'updated')).toHaveText('5');
  await expect(ui.cell('Deployments', 'nginx', 'available')).toHaveText('5');
  await expect(ui.cell('Deployments', 'nginx', 'rollout')).toContainText('Complete');
  await expect(ui.scaleStatus('nginx')).toHaveText('scaled to 5');

  await expect.poll(async () => (await livePods()).length, { timeout: 30_000 }).toBe(5);
  const added = (await livePods()).filter((n) => !before.includes(n));
  expect(added).toHaveLength(2);
  await ui.open('/pods?ns=default&l=app%3Dnginx');
  for (const name of added) await expect(ui.cell('Pods', name, 'status')).toHaveText('Running', { timeout: 30_000 });

  await ui.open('/deployments?ns=default');
  await ui.scaleTo('nginx', 3);
  await expect(ui.cell('Deployments', 'nginx', 'ready')).toHaveText('3/3', { timeout: 30_000 });
  await expect.poll(async () => (await deployment()).spec?.replicas).toBe(3);
  await expect.poll(async () => (await livePods()).length, { timeout: 30_000 }).toBe(3);
});

test('the viewer cannot scale, delete or restart: disabled with the reason, and forced requests get 403', async ({ page, signInAs }) => {
  const [pod] = await livePods();
  const d0 = await deployment();
  await signInAs('viewer');
  const ui = new OperatePage(page);

  await ui.open('/deployments?ns=default');
  await expect(ui.replicasInput('nginx')).toHaveValue('3');
  await expect(ui.replicasInput('nginx')).toBeDisabled();
  await expect(ui.scaleControl('nginx').getByRole('button', { name: 'More replicas of nginx' })).toBeDisabled();
  await expect(ui.scaleControl('nginx').locator('fieldset')).toHaveAttribute('title', `You cannot patch deployments/scale in default (${VIEWER})`);

  await ui.open('/deployments/default/nginx');
  await expect(ui.replicasInput('nginx', false)).toBeDisabled();
  await expect(ui.scaleControl('nginx', false).locator('fieldset')).toHaveAttribute('title', `You cannot patch deployments/scale "nginx" in default (${VIEWER})`);
  await expect(ui.action('Restart')).toBeDisabled();
  await expect(ui.action('Restart')).toHaveAttribute('title', `You cannot patch deployments "nginx" in default (${VIEWER})`);
  await expect(ui.action('Delete')).toBeDisabled();
  await expect(ui.action('Delete')).toHaveAttribute('title', `You cannot delete deployments "nginx" in default (${VIEWER})`);

  await ui.open(`/pods/default/${pod}`);
  await expect(ui.action('Delete')).toBeDisabled();
  await expect(ui.action('Delete')).toHaveAttribute('title', `You cannot delete pods "${pod}" in default (${VIEWER})`);
  await ui.open('/services/default/nginx');
  await expect(ui.action('Delete')).toBeDisabled();

  const forced = [
    ['PATCH', '/api/k8s/deployments/default/nginx/scale', { replicas: 5 }, 'cannot patch resource "deployments/scale"'],
    ['POST', '/api/k8s/deployments/default/nginx/restart', undefined, 'cannot patch resource "deployments"'],
    ['DELETE', `/api/k8s/pods/default/${pod}`, undefined, 'cannot delete resource "pods"'],
    ['DELETE', '/api/k8s/deployments/default/nginx', undefined, 'cannot delete resource "deployments"'],
    ['DELETE', '/api/k8s/services/default/nginx', undefined, 'cannot delete resource "services"'],
  ] as const;
  for (const [method, url, body, missing] of forced) {
    const res = await ui.forced(method, url, body);
    expect(res.status, `${method} ${url}`).toBe(403);
    expect(res.body.error?.reason).toBe('Forbidden');
    expect(res.body.error?.message).toContain(missing);
  }

  const d1 = await deployment();
  expect(d1.metadata?.generation).toBe(d0.metadata?.generation);
  expect(d1.spec?.replicas).toBe(3);
  expect(d1.spec?.template.metadata?.annotations?.[RESTARTED_AT]).toBe(d0.spec?.template.metadata?.annotations?.[RESTARTED_AT]);
  expect((await core().readNamespacedPod({ namespace: 'default', name: pod })).metadata?.deletionTimestamp).toBeUndefined();
  expect((await core().readNamespacedService({ namespace: 'default', name: 'nginx' })).metadata?.name).toBe('nginx');
});

test('a refused scale (403 from the cluster) names the missing permission and shows the real value again', async ({ page, signInAs }) => {
  await signInAs('viewer');
  // As if the permission check had said yes (RBAC changed in between): the cluster still decides.
  await page.route('**/api/access', async (route) => {
    const { checks } = JSON.parse(route.request().postData() ?? '{}') as { checks: unknown[] };
    await route.fulfill({ json: { user: VIEWER, results: checks.map(() => ({ allowed: true })) } });
  });
  const ui = new OperatePage(page);
  await ui.open('/deployments?ns=default');
  await expect(ui.replicasInput('nginx')).toBeEnabled();
  await ui.scaleTo('nginx', 5);
  const error = ui.scaleControl('nginx').locator('[role="alert"][data-reason="Forbidden"]');
  await expect(error).toContainText('cannot patch resource "deployments/scale" in API group "apps" in the namespace "default"');
  await expect(ui.replicasInput('nginx')).toHaveValue('3');
  await expect(ui.cell('Deployments', 'nginx', 'ready')).toHaveText('3/3');
  expect((await deployment()).spec?.replicas).toBe(3);
});

test('delete a pod of nginx: the confirmation names it and its replacement appears', async ({ page, signInAs }) => {
  const before = await livePods();
  const victim = before[0];
  await signInAs('admin-user');
  const ui = new OperatePage(page);
  await ui.open(`/pods/default/${victim}`);
  await ui.action('Delete').click();
  await expect(ui.dialog()).toContainText(`Delete pod default/${victim}?`);
  await ui.confirm('Delete');
  await expect(page).toHaveURL(/\/pods\?ns=default$/);

  await expect(async () => {
    const shown = (await ui.rowNames('Pods')).filter((n) => n.startsWith('nginx-'));
    expect(shown).not.toContain(victim);
    expect(shown.filter((n) => !before.includes(n))).toHaveLength(1);
  }).toPass({ timeout: 30_000 });

  await expect.poll(() => core().readNamespacedPod({ namespace: 'default', name: victim }).then(() => 'exists', (e: { code?: number }) => e.code), { timeout: 30_000 }).toBe(404);
  await expect.poll(async () => (await livePods()).length, { timeout: 30_000 }).toBe(3);
  const after = await livePods();
  expect(after).not.toContain(victim);
  expect(after.filter((n) => !before.includes(n))).toHaveLength(1);
});

test('rollout restart sets restartedAt and the rollout is followed until every pod is new', async ({ page, signInAs }) => {
  const before = await livePods();
  const previous = (await deployment()).spec?.template.metadata?.annotations?.[RESTARTED_AT];
  const startedAt = Date.now();
  await signInAs('admin-user');
  const ui = new OperatePage(page);
  await ui.open('/deployments/default/nginx');
  await ui.action('Restart').click();
  await expect(ui.dialog()).toContainText('Restart deployment default/nginx?');
  await ui.confirm('Restart');

  await expect.poll(async () => (await deployment()).spec?.template.metadata?.annotations?.[RESTARTED_AT]).not.toBe(previous);
  const restartedAt = (await deployment()).spec!.template.metadata!.annotations![RESTARTED_AT];
  expect(restartedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const at = Date.parse(restartedAt);
  expect(at).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000 - 1000);
  await expect(async () => {
    const pods = await livePods();
    expect(pods).toHaveLength(3);
    expect(pods.filter((n) => before.includes(n))).toEqual([]);
  }).toPass({ timeout: 60_000 });
  await expect(ui.rolloutPanel().locator('[data-rollout]')).toHaveAttribute('data-rollout', 'complete', { timeout: 30_000 });
  await expect(ui.rolloutPanel().getByTestId('rollout-ready')).toHaveText('3/3');
});

test('invalid replicas are refused before any call, nothing changes', async ({ page, signInAs }) => {
  const d0 = await deployment();
  await signInAs('admin-user');
  const ui = new OperatePage(page);
  const patches: string[] = [];
  page.on('request', (r) => r.method() === 'PATCH' && patches.push(r.url()));
  await ui.open('/deployments?ns=default');

  for (const [typed, message] of [['-1', 'between 0 and 100'], ['1.5', 'whole number'], ['101', 'between 0 and 100'], ['1e9', 'between 0 and 100'], ['abc', 'whole number']]) {
    await ui.replicasInput('nginx').fill(typed);
    await expect(ui.scaleControl('nginx').getByRole('alert')).toContainText(message);
    await expect(ui.scaleButton('nginx')).toBeDisabled();
    await ui.replicasInput('nginx').press('Enter');
  }
  await ui.replicasInput('nginx').press('Escape');
  await expect(ui.replicasInput('nginx')).toHaveValue('3');
  expect(patches).toEqual([]);

  for (const replicas of [-1, 1.5, '3', null, 1e9, 101]) {
    const res = await ui.forced('PATCH', '/api/k8s/deployments/default/nginx/scale', { replicas });
    expect(res.status, JSON.stringify(replicas)).toBe(400);
    expect(res.body.error?.reason).toBe('BadRequest');
  }
  const d1 = await deployment();
  expect(d1.spec?.replicas).toBe(3);
  expect(d1.metadata?.generation).toBe(d0.metadata?.generation);
});

test('someone else changes the replicas meanwhile: the control shows the new truth', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const ui = new OperatePage(page);
  await ui.open('/deployments?ns=default');
  await ui.more('nginx');
  await expect(ui.replicasInput('nginx')).toHaveValue('4');
  await setReplicas('default', 'nginx', 2);
  await expect(ui.scaleStatus('nginx')).toHaveText('now 2: changed by someone else');
  await ui.scaleButton('nginx').click();
  await expect(ui.scaleControl('nginx').locator('[role="alert"][data-reason="Conflict"]')).toContainText('changed to 2');
  await expect(ui.replicasInput('nginx')).toHaveValue('2');
  await expect(ui.cell('Deployments', 'nginx', 'ready')).toHaveText('2/2', { timeout: 30_000 });
  expect((await deployment()).spec?.replicas).toBe(2);
});

test('scaling a deployment an HPA targets asks first', async ({ page, signInAs }) => {
  const hpas = adminKubeConfig().makeApiClient(AutoscalingV2Api);
  await hpas.createNamespacedHorizontalPodAutoscaler({
    namespace: 'team-a',
    body: {
      metadata: { name: 'api' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, minReplicas: 1, maxReplicas: 5,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      },
    },
  });
  try {
    await signInAs('admin-user');
    const ui = new OperatePage(page);
    await ui.open('/deployments?ns=team-a');
    await ui.scaleTo('api', 3);
    await expect(ui.dialog()).toContainText('HorizontalPodAutoscaler api targets this Deployment (min 1, max 5)');
    await ui.confirm('Cancel');
    await expect(ui.replicasInput('api')).toHaveValue('2');
    expect((await deployment('team-a', 'api')).spec?.replicas).toBe(2);

    await ui.scaleTo('api', 3);
    await ui.confirm('Scale anyway');
    await expect.poll(async () => (await deployment('team-a', 'api')).spec?.replicas).toBe(3);
    await expect(ui.cell('Deployments', 'api', 'ready')).toHaveText('3/3', { timeout: 30_000 });
  } finally {
    await hpas.deleteNamespacedHorizontalPodAutoscaler({ namespace: 'team-a', name: 'api' });
    await setReplicas('team-a', 'api', 2);
    await waitSettled('team-a', 'api', 2);
  }
});
