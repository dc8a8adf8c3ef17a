import { CoreV1Api, type V1Pod } from '@kubernetes/client-node';
import { adminKubeConfig, readToken } from '../cluster/state';
import { expect, test, USERS } from './fixtures';
import { kubectl, kubectlTable } from './kubectl';
import { LivePage } from './pages/live-page';
import { LoginPage } from './pages/login-page';

// The live stream at small scale against the real cluster: a change shows in an open table within about a second
// with no polling, a watch from an expired resourceVersion relists, and a user without rights gets nothing, even
// while another user watches the same scope.

const core = () => adminKubeConfig().makeApiClient(CoreV1Api);

function probePod(name: string): V1Pod {
  return {
    metadata: { name, namespace: 'default', labels: { app: 'live-e2e' } },
    spec: { nodeName: 'kwok-node-0', containers: [{ name: 'c', image: 'nginx:alpine' }], terminationGracePeriodSeconds: 0 },
  };
}

test('a pod created or deleted in the cluster shows in the open table within seconds, without polling', async ({ signInAs, page }) => {
  await signInAs('admin-user');
  const ui = new LivePage(page);
  const lists: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/k8s\/pods(\?|$)/.test(new URL(r.url()).pathname + new URL(r.url()).search)) lists.push(r.url());
  });
  await ui.open('/pods?ns=default');
  await ui.expectLive();
  await expect(ui.row('Pods', 'web-site')).toBeVisible();
  const name = `live-e2e-${Date.now().toString(36)}`;
  try {
    await core().createNamespacedPod({ namespace: 'default', body: probePod(name) });
    // How fast it shows is the benchmark's business; here it must show, with no reload and no list request.
    await expect(ui.row('Pods', name)).toBeVisible();
    await expect(ui.cell('Pods', name, 'status')).toHaveText('Running', { timeout: 30_000 });
    await core().deleteNamespacedPod({ namespace: 'default', name, gracePeriodSeconds: 0 });
    await expect(ui.row('Pods', name)).toHaveCount(0);
  } finally {
    await core().deleteNamespacedPod({ namespace: 'default', name, gracePeriodSeconds: 0 }).catch(() => {});
  }
  // One stream, no list polling: the JSON list endpoint was never asked.
  expect(lists).toEqual([]);
});

/** What the API server itself says to a watch of default's events from resourceVersion 1: the code of its first event. */
function watchFromRv1Status(): number {
  const out = kubectl('get', '--raw', '/api/v1/namespaces/default/events?watch=1&resourceVersion=1&timeoutSeconds=1');
  const first = out.split('\n')[0];
  if (!first) return 200;
  const event = JSON.parse(first) as { type: string; object?: { code?: number } };
  return event.type === 'ERROR' ? event.object?.code ?? 500 : 200;
}

// Events are read from etcd (the API server keeps no watch cache for them), so once etcd is compacted (every 30 s on
// the local cluster) a watch from resourceVersion 1 is answered with 410 Expired, as on any long-lived cluster.
test('a watch from an expired resourceVersion gets 410 Gone upstream and relists', async ({ signInAs, page }) => {
  test.setTimeout(150_000);
  await signInAs('viewer');
  const ui = new LivePage(page);
  await ui.open('/events?ns=default');
  await expect.poll(() => watchFromRv1Status(), { timeout: 90_000, intervals: [2_000] }).toBe(410);
  const before = kubectlTable('get', 'events', '-n', 'default', '-o', 'custom-columns=NAME:.metadata.name').map((e) => e.NAME);
  expect(before.length).toBeGreaterThan(0);
  const { status, events } = await ui.readStream({ kind: 'events', namespace: 'default', private: true, resourceVersion: '1' }, 'done');
  expect(status).toBe(200);
  expect(events[0]).toEqual({ event: 'relist', data: { reason: 'expired' } });
  const snapshots = events.filter((e) => e.event === 'snapshot').map((e) => e.data as { fields?: string[]; rows: unknown[][]; done: boolean });
  expect(snapshots.at(-1)?.done).toBe(true);
  const nameAt = snapshots[0].fields!.indexOf('name');
  const names = snapshots.flatMap((s) => s.rows.map((r) => r[nameAt] as string));
  // New events may appear meanwhile; every event kubectl listed just before is in the relisted snapshot.
  expect(names).toEqual(expect.arrayContaining(before));
});

test('a user without rights gets nothing, even while another user watches the same pods', async ({ signInAs, page, browser }) => {
  // The admin keeps kube-system's pods open in another browser: the shared watch for that scope is running.
  const other = await browser.newContext();
  const adminPage = await other.newPage();
  await new LoginPage(adminPage).signIn(readToken('admin-user'), USERS['admin-user']);
  const admin = new LivePage(adminPage);
  await admin.open('/pods?ns=kube-system');
  await admin.expectLive();

  await signInAs('team-a-editor');
  const ui = new LivePage(page);
  await ui.open('/pods?ns=kube-system');
  await expect(ui.errorPanel()).toHaveAttribute('data-reason', 'Forbidden');
  await expect(ui.errorPanel()).toContainText('system:serviceaccount:team-a:editor');
  await expect(ui.indicator()).toHaveAttribute('data-live', 'failed');
  expect(await ui.rowNames('Pods')).toEqual([]);
  const { events } = await ui.readStream({ kind: 'pods', namespace: 'kube-system' }, 'error');
  expect(events.map((e) => e.event)).toEqual(['error']);
  expect(events[0].data).toMatchObject({ error: { status: 403, reason: 'Forbidden' }, retry: false });
  // Its own namespace streams as usual.
  await ui.open('/pods?ns=team-a');
  await ui.expectLive();
  await other.close();
});
