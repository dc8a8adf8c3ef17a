import { readFileSync } from 'node:fs';
import { CoreV1Api } from '@kubernetes/client-node';
import { adminKubeConfig } from '../cluster/state';
import { expect, test } from './fixtures';
import { kubectl } from './kubectl';
import { LogsPage } from './pages/logs-page';
import { OperatePage } from './pages/operate-page';

// Logs through kwok's fake container logs. What the console shows is compared with the built kubectl's own
// `kubectl logs` (admin kubeconfig), not with anything the console says.

const core = () => adminKubeConfig().makeApiClient(CoreV1Api);
const kubectlLines = (...args: string[]) => kubectl('logs', '-n', 'default', ...args).trimEnd().split('\n');

async function nginxPods(): Promise<string[]> {
  const list = await core().listNamespacedPod({ namespace: 'default', labelSelector: 'app=nginx' });
  return list.items.filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase === 'Running').map((p) => p.metadata!.name!).sort();
}

test('pod logs: container picker, tail, timestamps, search, download, previous', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const logs = new LogsPage(page);
  await logs.openLogs('pods', 'default', 'web-site');
  await expect(logs.container().locator('option')).toHaveText(['nginx', 'helloecho']);
  await expect(logs.container()).toHaveValue('nginx');
  const nginx = kubectlLines('web-site', '-c', 'nginx');
  await expect(logs.lines()).toHaveText(nginx);
  await expect(logs.state()).toHaveText('Following');

  await logs.container().selectOption('helloecho');
  await expect(logs.lines()).toHaveText(kubectlLines('web-site', '-c', 'helloecho'));

  await logs.setTail(1);
  await expect(logs.lines()).toHaveText(kubectlLines('web-site', '-c', 'helloecho', '--tail=1'));
  await logs.option('Timestamps').check();
  await expect(logs.lines()).toHaveText(kubectlLines('web-site', '-c', 'helloecho', '--tail=1', '--timestamps'));
  await logs.option('Timestamps').uncheck();
  await logs.setTail(500);
  await expect(logs.lines()).toHaveCount(nginx.length);

  await logs.search().fill('get /');
  await expect(page.getByTestId('log-matches')).toHaveText('1 matching');
  await expect(logs.output().locator('mark')).toHaveText(['GET /']);
  await logs.option('Only matching lines').check();
  await expect(logs.lines()).toHaveText([kubectlLines('web-site', '-c', 'helloecho').find((l) => l.includes('GET /'))!]);
  await logs.option('Only matching lines').uncheck();

  const [download] = await Promise.all([page.waitForEvent('download'), logs.download().click()]);
  expect(download.suggestedFilename()).toBe('web-site-helloecho.log');
  expect(readFileSync(await download.path(), 'utf8')).toBe(kubectlLines('web-site', '-c', 'helloecho').join('\n') + '\n');

  // kwok keeps no previous container: the API server's refusal is shown, as kubectl would print it.
  await logs.option('Previous container').check();
  await expect(logs.alert()).toContainText('cannot read the logs of pod default/web-site');
});

test('follow keeps the stream open until it is switched off', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const logs = new LogsPage(page);
  // A followed log is one subscription of the browser's live connection: the console counts this session's.
  const subscriptions = async () => ((await (await page.request.get('/api/live?stats=1')).json()) as { session: { subscriptions: number } }).session.subscriptions;
  await logs.openLogs('pods', 'default', 'web-site');
  await expect(logs.lines()).toHaveCount(kubectlLines('web-site', '-c', 'nginx').length);
  await expect(logs.state()).toHaveText('Following');
  // The namespace picker's list and the followed log.
  await expect.poll(subscriptions).toBe(2);
  // A round trip to the server after the log was shown: the followed log outlives it (no fixed wait).
  expect((await page.request.get('/api/auth/session')).ok()).toBe(true);
  await expect(logs.state()).toHaveText('Following');
  expect(await subscriptions(), 'the followed log is still open').toBe(2);
  await logs.option('Follow').uncheck();
  await expect(logs.state()).toHaveText('End of log');
  // Switching follow off is what ends it.
  await expect.poll(subscriptions).toBe(1);
});

test('deployment logs: every pod, interleaved and prefixed by pod name', async ({ page, signInAs }) => {
  const pods = await nginxPods();
  expect(pods).toHaveLength(3);
  const perPod = kubectlLines(pods[0], '-c', 'nginx');
  await signInAs('admin-user');
  const ui = new OperatePage(page);
  await ui.open('/deployments/default/nginx');
  await ui.actions().getByRole('link', { name: 'Logs' }).click();
  await expect(page).toHaveURL(/\/deployments\/default\/nginx\/logs$/);

  const logs = new LogsPage(page);
  await expect(logs.container()).toHaveValue('');
  await expect(logs.lines()).toHaveCount(pods.length * perPod.length);
  const prefixes = (await logs.lineTexts()).map((l) => /^\[([a-z0-9-]+)\/nginx\] /.exec(l)?.[1]);
  expect(new Set(prefixes)).toEqual(new Set(pods));

  // Not following, the lines are ordered by time: each pod's first line comes before anyone's second.
  await logs.option('Follow').uncheck();
  await expect(logs.state()).toHaveText('End of log');
  const ordered = await logs.lineTexts();
  expect(ordered.slice(0, pods.length).map((l) => l.replace(/^\[[^\]]+\] /, ''))).toEqual(pods.map(() => perPod[0]));
  for (const pod of pods) expect(ordered.filter((l) => l.startsWith(`[${pod}/nginx] `)).map((l) => l.slice(pod.length + 9))).toEqual(perPod);
});
