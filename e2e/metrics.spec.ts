import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { kubectlTable } from './kubectl';
import { MetricsPage } from './pages/metrics-page';

// Usage in the console equals `kubectl top` (the independent witness), allowing one sample of lag: the page may still
// show the sample before the one kubectl reads now, never an older one, never another number.

type Sample = Record<string, string>;

/** kubectl top pods -A as "ns/name" → "CPU MEMORY"; kubectl top nodes as "name" → "CPU MEMORY". */
const topPods = (): Sample => Object.fromEntries(kubectlTable('top', 'pods', '-A').map((r) => [`${r.NAMESPACE}/${r.NAME}`, `${r['CPU(cores)']} ${r['MEMORY(bytes)']}`]));
const topNodes = (): Sample => Object.fromEntries(kubectlTable('top', 'nodes').map((r) => [r.NAME, `${r['CPU(cores)']} ${r['MEMORY(bytes)']}`]));

/**
 * Waits until every key kubectl reports shows on the page with kubectl's current sample or the one before it. Both
 * sides refresh every sampling window, so the page may lag kubectl by one sample for a whole window; "the one before"
 * is the last different value kubectl showed, not its value one poll ago (that is the same sample nearly always).
 * `context` adds what the page says about its sample to a failure.
 */
async function expectSameAsKubectl(read: () => Promise<Sample>, top: () => Sample, context = async () => '') {
  const last: Sample = {};
  const before: Sample = {};
  await expect(async () => {
    const shown = await read();
    const now = top();
    for (const [k, v] of Object.entries(now)) {
      if (last[k] !== undefined && last[k] !== v) before[k] = last[k];
      last[k] = v;
    }
    const keys = Object.keys(now);
    expect(keys.length).toBeGreaterThan(0);
    const wrong = keys.filter((k) => shown[k] !== now[k] && shown[k] !== before[k]).map((k) => `${k}: page ${shown[k]}, kubectl ${now[k]} (before ${before[k]})`);
    expect(wrong.length ? [...wrong, await context()].filter(Boolean) : []).toEqual([]);
  }).toPass({ timeout: 90_000, intervals: [1_000] });
}

const cluster = (...args: string[]) => execFileSync('npx', ['tsx', 'cluster/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

test.describe.configure({ timeout: 180_000 });

test('pods list: CPU and MEMORY equal kubectl top pods -A; the busy deployment sorts first by CPU', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const m = new MetricsPage(page);
  await m.openList('pods');
  for (const h of ['CPU', 'MEMORY', '%CPU/R', '%CPU/L', '%MEM/R', '%MEM/L']) await expect(m.header('Pods', h)).toBeVisible({ timeout: 60_000 });
  await expectSameAsKubectl(async () => {
    const [cpu, mem] = await Promise.all([m.columnValues('Pods', 'cpuUsage'), m.columnValues('Pods', 'memUsage')]);
    return Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, `${v} ${mem[k]}`]));
  }, topPods);

  await m.sortDescending('Pods', 'CPU');
  await expect.poll(async () => (await m.rowNames('Pods')).slice(0, 2).every((n) => n.startsWith('cpu-hog-'))).toBe(true);
  // cpu-hog requests 500m and is limited to 1 core: its shares are against those.
  const hog = (await m.rowNames('Pods'))[0];
  await expect(m.cell('Pods', hog, 'cpuReq')).toHaveText(/^\d+%$/);
  await expect(m.cell('Pods', hog, 'memLim')).toHaveText(/^\d+%$/);
});

test('nodes list and overview: usage equals kubectl top nodes, cluster total and busiest pods shown', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const m = new MetricsPage(page);
  await m.openList('nodes');
  await expect(m.header('Nodes', 'CPU USED')).toBeVisible({ timeout: 60_000 });
  await expectSameAsKubectl(async () => {
    const [cpu, mem] = await Promise.all([m.columnValues('Nodes', 'cpuUsage', '', 'data-top'), m.columnValues('Nodes', 'memUsage', '', 'data-top')]);
    return Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k.slice(1), `${v} ${mem[k]}`]));
  }, topNodes);
  const running = kubectlTable('get', 'pods', '-A', '--field-selector=status.phase=Running', '-o', 'wide').filter((r) => r.NODE === 'kwok-node-0').length;
  await expect(m.cell('Nodes', 'kwok-node-0', 'podsRunning')).toHaveText(`${running} / 110`);

  await m.open('/');
  await expect(page.getByTestId('cluster-usage')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Top 10 by CPU' }).getByRole('listitem').first()).toHaveAttribute('data-pod', /^default\/cpu-hog-/);
  await m.open('/?ns=team-a');
  await expect(page.getByRole('list', { name: 'Top 10 by memory' }).getByRole('listitem').first()).toHaveAttribute('data-pod', /^team-a\//);
});

test('workload and pod pages: summed usage with a chart, per-container usage against requests and limits', async ({ page, signInAs }) => {
  await signInAs('viewer');
  const m = new MetricsPage(page);
  await m.open('/deployments/default/cpu-hog');
  await expect(page.getByTestId('workload-cpu')).toHaveText(/^\d+m$/, { timeout: 60_000 });
  await expectSameAsKubectl(async () => ({ sum: `${await page.getByTestId('workload-cpu').textContent()}` }), (): Sample => {
    const hogs = Object.entries(topPods()).filter(([k]) => k.startsWith('default/cpu-hog-'));
    return hogs.length === 2 ? { sum: `${hogs.reduce((a, [, v]) => a + parseInt(v), 0)}m` } : {};
  }, async () => `page sample at ${await page.getByTestId('workload-usage').getAttribute('data-sample-at')}, now ${new Date().toISOString()}`);
  await expect(page.getByRole('img', { name: /CPU over the last \d+ samples/ })).toBeVisible();

  const pod = (await m.rowNames('Pods')).find((n) => n.startsWith('cpu-hog-'))!;
  await m.open(`/pods/default/${pod}`);
  const usage = m.table('Container usage');
  await expect(usage.locator('tr[data-row-name="worker"] td[data-col="cpuReq"]')).toHaveText(/^500m \(\d+%\)$/, { timeout: 60_000 });
  await expect(usage.locator('tr[data-row-name="worker"] td[data-col="memLim"]')).toHaveText(/^256Mi \(\d+%\)$/);
});

test('with metrics-server stopped the pods page says why and still lists pods', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const m = new MetricsPage(page);
  cluster('metrics-server', 'stop');
  try {
    await m.openList('pods', 'default');
    await expect(m.note()).toContainText(/Usage is unavailable: .*metrics-server/, { timeout: 60_000 });
    await expect(m.header('Pods', 'CPU')).toHaveCount(0);
    const pods = kubectlTable('get', 'pods', '-n', 'default').map((r) => r.NAME).sort();
    await expect.poll(async () => (await m.rowNames('Pods')).sort()).toEqual(pods);
  } finally {
    cluster('metrics-server', 'start');
  }
  // Back: the columns return without a reload once metrics-server answers again.
  await expect(m.header('Pods', 'CPU')).toBeVisible({ timeout: 90_000 });
});
