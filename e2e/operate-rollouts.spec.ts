import { randomBytes } from 'node:crypto';
import { AppsV1Api, CoreV1Api, type V1PodTemplateSpec } from '@kubernetes/client-node';
import { adminKubeConfig } from '../cluster/state';
import { expect, test } from './fixtures';
import { kubectl } from './kubectl';
import { ObjectPage } from './pages/object-page';

// A StatefulSet's and a DaemonSet's rollouts, driven by kube-controller-manager's own controllers (kwok runs their
// pods): the history from their ControllerRevisions, a diff of any two, undo to a chosen revision and restart — each
// effect checked with kubectl and client-node; the viewer is refused each with nothing changed.

const run = randomBytes(3).toString('hex');
const ns = `e2e-op-ro-${run}`;
const apps = () => adminKubeConfig().makeApiClient(AppsV1Api);
const core = () => adminKubeConfig().makeApiClient(CoreV1Api);
const CAUSE = 'kubernetes.io/change-cause';

interface Workload { kind: 'statefulsets' | 'daemonsets'; name: string; resource: string; v1: string; v2: string }
const WORKLOADS: Workload[] = [
  { kind: 'statefulsets', name: 'web', resource: 'statefulset', v1: 'nginx:1.1', v2: 'nginx:1.2' },
  { kind: 'daemonsets', name: 'agent', resource: 'daemonset', v1: 'busybox:1.0', v2: 'busybox:2.0' },
];

function template(app: string, image: string): V1PodTemplateSpec {
  return { metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image }] } };
}

async function read(w: Workload) {
  return w.kind === 'statefulsets'
    ? apps().readNamespacedStatefulSet({ namespace: ns, name: w.name })
    : apps().readNamespacedDaemonSet({ namespace: ns, name: w.name });
}
const imageOf = async (w: Workload) => (await read(w)).spec!.template.spec!.containers[0].image;

/** `kubectl rollout history` as rows of [revision, change-cause]. */
function history(w: Workload): string[][] {
  const out = kubectl('-n', ns, 'rollout', 'history', `${w.resource}/${w.name}`);
  return out.trim().split('\n').slice(2).map((l) => { const [rev, ...cause] = l.trim().split(/\s+/); return [rev, cause.join(' ')]; });
}
const revisions = (w: Workload) => history(w).map(([r]) => r);

/** The images of the workload's pods, once the controller has replaced them all. */
async function podImages(w: Workload): Promise<string[]> {
  const pods = await core().listNamespacedPod({ namespace: ns, labelSelector: `app=${w.name}` });
  return [...new Set(pods.items.filter((p) => !p.metadata!.deletionTimestamp).map((p) => p.spec!.containers[0].image!))];
}

test.beforeAll(async () => {
  await core().createNamespace({ body: { metadata: { name: ns, labels: { 'wheelhouse.test/e2e': 'operate' } } } });
  const meta = (name: string, image: string) => ({ name, annotations: { [CAUSE]: `create ${image}` } });
  await apps().createNamespacedStatefulSet({ namespace: ns, body: { metadata: meta('web', 'nginx:1.1'), spec: { serviceName: 'web', replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template('web', 'nginx:1.1') } } });
  await apps().createNamespacedDaemonSet({ namespace: ns, body: { metadata: meta('agent', 'busybox:1.0'), spec: { selector: { matchLabels: { app: 'agent' } }, template: template('agent', 'busybox:1.0') } } });
  for (const w of WORKLOADS) {
    await expect.poll(() => revisions(w), { timeout: 30_000 }).toEqual(['1']);
    kubectl('-n', ns, 'annotate', '--overwrite', `${w.resource}/${w.name}`, `${CAUSE}=set image ${w.v2}`);
    kubectl('-n', ns, 'set', 'image', `${w.resource}/${w.name}`, `c=${w.v2}`);
    await expect.poll(() => revisions(w), { timeout: 30_000 }).toEqual(['1', '2']);
    await expect.poll(() => podImages(w), { timeout: 30_000 }).toEqual([w.v2]);
  }
});
test.afterAll(async () => {
  await core().deleteNamespace({ name: ns }).catch(() => undefined);
});

for (const w of WORKLOADS) {
  test(`a ${w.resource}'s history, a diff of two revisions, undo to revision 1 and restart; kubectl agrees`, async ({ page, signInAs }) => {
    await signInAs('admin-user');
    const ui = new ObjectPage(page);
    await ui.openObject(w.kind, ns, w.name);
    const rows = ui.history().locator('tr[data-revision]');
    await expect(rows).toHaveCount(2);
    // The history says what kubectl says: revision, change-cause (the ControllerRevision's copy), images.
    for (const [rev, cause] of history(w)) {
      await expect(ui.history().locator(`tr[data-revision="${rev}"]`)).toContainText(cause);
    }
    await expect(ui.history().locator('tr[data-revision="1"]')).toContainText(w.v1);
    await expect(ui.history().locator('tr[data-revision="2"]')).toContainText(`${w.v2}`);
    await expect(ui.history().locator('tr[data-revision="2"]')).toContainText('(current)');

    // Any two revisions, either way round.
    await ui.history().getByRole('button', { name: 'Diff with 2' }).click();
    await expect(page.getByLabel('Pod template, revision 1 → 2')).toContainText(`+    - image: ${w.v2}`);
    await ui.history().getByLabel('From revision').selectOption('2');
    await ui.history().getByLabel('To revision').selectOption('1');
    await expect(page.getByLabel('Pod template, revision 2 → 1')).toContainText(`+    - image: ${w.v1}`);

    await ui.history().getByRole('button', { name: /^Roll back to 1 / }).click();
    await ui.confirm('Roll back to 1');
    await expect.poll(() => imageOf(w)).toBe(w.v1);
    // The controller keeps one ControllerRevision per template: revision 1's becomes revision 3, as after kubectl's undo.
    await expect.poll(() => revisions(w)).toEqual(['2', '3']);
    const third = kubectl('-n', ns, 'rollout', 'history', `${w.resource}/${w.name}`, '--revision=3');
    expect(third).toContain(w.v1);
    expect(third).not.toContain(w.v2);
    await expect.poll(() => podImages(w), { timeout: 30_000 }).toEqual([w.v1]);
    await expect(ui.history().locator('tr[data-revision="3"]')).toContainText('(current)');

    await ui.act('Restart');
    await expect.poll(async () => (await read(w)).spec!.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await expect.poll(() => revisions(w)).toEqual(['2', '3', '4']);
    await expect.poll(async () => (await core().listNamespacedPod({ namespace: ns, labelSelector: `app=${w.name}` })).items
      .every((p) => p.metadata!.annotations?.['kubectl.kubernetes.io/restartedAt']), { timeout: 30_000 }).toBe(true);
    expect(await imageOf(w)).toBe(w.v1);
  });
}

test('the viewer cannot roll back or restart a StatefulSet or DaemonSet; forced requests get 403, nothing changes', async ({ page, signInAs }) => {
  await signInAs('viewer');
  const ui = new ObjectPage(page);
  for (const w of WORKLOADS) {
    const before = { rv: (await read(w)).metadata!.resourceVersion, revisions: revisions(w) };
    await ui.openObject(w.kind, ns, w.name);
    await expect(ui.history().locator('tr[data-revision]').first()).toBeVisible();
    await expect(ui.button('Restart')).toBeDisabled();
    await expect(ui.button('Restart')).toHaveAttribute('title', new RegExp(`^You cannot patch ${w.kind} "${w.name}" in ${ns}`));
    const rollBack = ui.history().getByRole('button', { name: /^Roll back to / }).first();
    await expect(rollBack).toBeDisabled();
    // A revision whose template differs from the current one, so the undo would write (and RBAC decides).
    const current = before.revisions.at(-1);
    const other = Number(before.revisions.find((r) => r !== current));
    for (const [url, body] of [
      [`/api/k8s/${w.kind}/${ns}/${w.name}/actions/undo`, { revision: other }],
      [`/api/k8s/${w.kind}/${ns}/${w.name}/restart`, undefined],
    ] as const) {
      const res = await ui.forced('POST', url, body ?? {});
      expect([url, res.status, res.body.error?.reason]).toEqual([url, 403, 'Forbidden']);
    }
    expect((await read(w)).metadata!.resourceVersion).toBe(before.rv);
    expect(revisions(w)).toEqual(before.revisions);
  }
});
