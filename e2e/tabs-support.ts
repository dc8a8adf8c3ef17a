import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { expect, type Page } from '@playwright/test';
import { adminKubeConfig } from '../cluster/state';
import { kubectl } from './kubectl';
import { LogsPage } from './pages/logs-page';
import { OperatePage } from './pages/operate-page';
import { LiveStreamCounter, sessionLiveStats } from './pages/tabs-page';

// The ten-tabs scenario, shared by the demo (e2e/tabs.spec.ts) and the shipped HTTPS console (e2e/tabs.tls.spec.ts):
// one browser context, ten tabs on ten live pages, then a kubectl scale seen in every tab that lists the deployment,
// then thirty sidebar navigations in one tab — with the browser's live streams counted throughout.

const apps = () => adminKubeConfig().makeApiClient(AppsV1Api);
const core = () => adminKubeConfig().makeApiClient(CoreV1Api);
const NS = 'default';
const GENEROUS = { timeout: 30_000 };

async function nginxPodNames(): Promise<string[]> {
  const pods = await core().listNamespacedPod({ namespace: NS, labelSelector: 'app=nginx' });
  return pods.items.filter((p) => !p.metadata?.deletionTimestamp).map((p) => p.metadata!.name!);
}

/** An event of our own in the namespace, so the events tab has a row whatever the cluster's age. */
export async function withProbeEvent<T>(run: (name: string) => Promise<T>): Promise<T> {
  const name = `tabs-e2e.${Date.now().toString(36)}`;
  const now = new Date();
  await core().createNamespacedEvent({
    namespace: NS,
    body: {
      metadata: { name, namespace: NS }, involvedObject: { kind: 'Pod', name: 'web-site', namespace: NS }, reason: 'TabsProbe',
      message: 'an event of the ten-tabs test', type: 'Normal', firstTimestamp: now, lastTimestamp: now, count: 1,
    },
  });
  try {
    return await run(name);
  } finally {
    await core().deleteNamespacedEvent({ namespace: NS, name }).catch(() => {});
  }
}

async function setReplicas(n: number): Promise<void> {
  await apps().replaceNamespacedDeploymentScale({ namespace: NS, name: 'nginx', body: { metadata: { name: 'nginx', namespace: NS }, spec: { replicas: n } } });
}

interface Tab { path: string; ready(ui: OperatePage, probeEvent: string): Promise<void> }

const heading = (ui: OperatePage, name: string | RegExp) => expect(ui.page.getByRole('heading', { level: 1, name })).toBeVisible(GENEROUS);
const hasRow = async (ui: OperatePage, table: string, name?: string) => {
  await expect(name ? ui.row(table, name) : ui.table(table).locator('tbody tr[data-row-name]').first()).toBeVisible(GENEROUS);
};

export const TABS: Tab[] = [
  { path: `/pods?ns=${NS}`, ready: (ui) => hasRow(ui, 'Pods', 'web-site') },
  { path: `/deployments?ns=${NS}`, ready: (ui) => hasRow(ui, 'Deployments', 'nginx') },
  { path: `/services?ns=${NS}`, ready: (ui) => hasRow(ui, 'Services', 'web-site-svc') },
  { path: `/replicasets?ns=${NS}`, ready: (ui) => hasRow(ui, 'ReplicaSets') },
  { path: `/events?ns=${NS}`, ready: (ui, probe) => hasRow(ui, 'Events', probe) },
  { path: '/nodes', ready: (ui) => hasRow(ui, 'Nodes', 'kwok-node-0') },
  { path: '/namespaces', ready: (ui) => hasRow(ui, 'Namespaces', 'team-a') },
  { path: '/', ready: async (ui) => { await heading(ui, 'Overview'); await hasRow(ui, 'Nodes', 'kwok-node-0'); } },
  { path: `/deployments/${NS}/nginx`, ready: (ui) => expect(ui.replicasInput('nginx', false)).toBeVisible(GENEROUS) },
  { path: `/pods/${NS}/web-site/logs`, ready: async (ui) => {
    const logs = new LogsPage(ui.page);
    await expect(logs.state()).toHaveText('Following', GENEROUS);
    await expect(logs.lines()).toHaveText(kubectl('logs', '-n', NS, 'web-site', '-c', 'nginx').trimEnd().split('\n'), GENEROUS);
  } },
];

const SIDEBAR = ['Pods', 'Deployments', 'Services', 'ReplicaSets', 'Events', 'Nodes', 'Namespaces', 'Overview'];

/** Runs the whole scenario in `first`'s browser context (already signed in). */
export function tenTabs(first: Page, baseURL: string): Promise<void> {
  return withProbeEvent((probe) => scenario(first, baseURL, probe));
}

async function scenario(first: Page, baseURL: string, probe: string): Promise<void> {
  const context = first.context();
  // The page signing in left may still hold (or be starting) its own live stream; the count starts without it.
  await first.goto('about:blank');
  const counter = new LiveStreamCounter();
  const pages = [first, ...(await Promise.all(TABS.slice(1).map(() => context.newPage())))];
  await Promise.all(pages.map((p) => counter.watch(p)));
  const uis = pages.map((p) => new OperatePage(p));
  // Open them one after another, as a user would; every tab shows its rows.
  for (const [i, tab] of TABS.entries()) {
    await uis[i].open(tab.path);
    await tab.ready(uis[i], probe);
  }
  for (const [i, tab] of TABS.entries()) await tab.ready(uis[i], probe);
  await expect.poll(() => counter.current, GENEROUS).toBe(1);
  // A leader hand-over may hold a second connection for a moment; it settles on one.
  await expect.poll(async () => (await sessionLiveStats(context, baseURL)).connections, GENEROUS).toBe(1);

  // A change made with kubectl shows in every tab that lists the deployment.
  const before = (await apps().readNamespacedDeployment({ namespace: NS, name: 'nginx' })).spec?.replicas ?? 3;
  const target = before + 1;
  try {
    await setReplicas(target);
    await expect.poll(async () => (await nginxPodNames()).length, GENEROUS).toBe(target);
    const [pods, deployments, , replicasets, , , , , detail] = uis;
    await expect(deployments.replicasInput('nginx')).toHaveValue(String(target), GENEROUS);
    await expect(deployments.cell('Deployments', 'nginx', 'ready')).toHaveText(`${target}/${target}`, GENEROUS);
    await expect(detail.replicasInput('nginx', false)).toHaveValue(String(target), GENEROUS);
    // Earlier tests may have rolled nginx out again: its scaled-down ReplicaSets stay listed at 0. Follow the current one.
    const current = (await apps().listNamespacedReplicaSet({ namespace: NS, labelSelector: 'app=nginx' })).items.find((r) => (r.spec?.replicas ?? 0) > 0)?.metadata?.name;
    await expect(replicasets.table('ReplicaSets').locator(`tbody tr[data-row-name="${current}"] td[data-col="desired"]`)).toHaveText(String(target), GENEROUS);
    await expect.poll(async () => (await pods.rowNames('Pods')).filter((n) => n.startsWith('nginx-')).sort(), GENEROUS).toEqual((await nginxPodNames()).sort());
  } finally {
    await setReplicas(before);
  }

  // Thirty sidebar navigations in a row in the first tab, the nine others still open and live: each completes.
  const nav = uis[0];
  for (let i = 0; i < 30; i++) {
    const label = SIDEBAR[i % SIDEBAR.length];
    await nav.page.getByRole('navigation', { name: 'Resources' }).getByRole('link', { name: label, exact: true }).click();
    await heading(nav, label);
    await hasRow(nav, label === 'Overview' ? 'Nodes' : label);
  }
  expect(counter.peak, 'live streams open at once across ten tabs').not.toBeGreaterThan(2);
  expect(counter.current).toBe(1);
  await expect.poll(async () => (await sessionLiveStats(context, baseURL)).connections, GENEROUS).toBe(1);
  await counter.detach();
  await Promise.all(pages.slice(1).map((p) => p.close()));
}

/**
 * Signing out in one tab ends, on the server, the live lists and the followed log that another tab of the same
 * browser holds (through the leader tab's connection); every tab lands on the sign-in page.
 */
export async function signOutEndsEveryTab(page: Page, baseURL: string, statsWith: (cookie: string) => Promise<{ connections: number; subscriptions: number }>): Promise<void> {
  const context = page.context();
  const cookie = (await context.cookies()).filter((c) => c.name.startsWith('wh-session')).map((c) => `${c.name}=${c.value}`).join('; ');
  const lists = new OperatePage(page);
  await lists.open(`/deployments?ns=${NS}`);
  await expect(lists.row('Deployments', 'nginx')).toBeVisible(GENEROUS);
  const other = await context.newPage();
  const logs = new LogsPage(other);
  await logs.open(`/pods/${NS}/web-site/logs`);
  await expect(logs.state()).toHaveText('Following', GENEROUS);
  await expect.poll(async () => (await sessionLiveStats(context, baseURL)).subscriptions, GENEROUS).toBeGreaterThanOrEqual(3);
  await expect.poll(async () => (await sessionLiveStats(context, baseURL)).connections, GENEROUS).toBe(1);
  // Sign out in the tab that only follows; the other tab holds the connection.
  await new OperatePage(other).signOut();
  await expect(page).toHaveURL(/\/login/, GENEROUS);
  // Asked with a copy of the old cookie (a JWT stays decodable): the session holds nothing live any more.
  await expect.poll(() => statsWith(cookie), GENEROUS).toEqual({ connections: 0, subscriptions: 0 });
  await other.close();
}
