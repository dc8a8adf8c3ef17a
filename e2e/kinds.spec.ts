import { expect, test } from './fixtures';
import { kubectl } from './kubectl';
import { KindsPage } from './pages/kinds-page';

// Every kind through the API server's Table format: the console's columns and rows equal `kubectl get -o wide`
// (kubectl prints the same server-side Table), across all namespaces and in one namespace. Ages may differ by a
// tick between the two reads, so cells that are ages on both sides only need to look like ages.

const KINDS = [
  'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'configmaps', 'secrets', 'ingresses', 'persistentvolumeclaims',
  'persistentvolumes', 'serviceaccounts', 'roles', 'clusterroles', 'backups.ops.wheelhouse.io', 'networkpolicies', 'ingressclasses',
];
/** The namespace where the seed puts objects of the kind (default otherwise). */
const NAMESPACE: Record<string, string> = { daemonsets: 'kube-system', jobs: 'team-a', cronjobs: 'team-a', roles: 'kube-system' };
const AGE = /^(\d+[smhdy])+$/;

/** kubectl's table as header + rows of cells (columns located by the header's offsets). */
function kubectlGrid(args: string[]): { headers: string[]; rows: string[][] } {
  const lines = kubectl('get', ...args, '-o', 'wide').trimEnd().split('\n');
  if (!lines[0] || lines[0].startsWith('No resources')) return { headers: [], rows: [] };
  const starts = [...lines[0].matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], at: m.index ?? 0 }));
  const rows = lines.slice(1).map((line) => starts.map((c, i) => line.slice(c.at, i + 1 < starts.length ? starts[i + 1].at : line.length).trim()));
  return { headers: starts.map((s) => s.name), rows };
}

function sameCells(ui: string[], cli: string[]): boolean {
  return ui.length === cli.length && ui.every((u, i) => u === cli[i] || (AGE.test(u) && AGE.test(cli[i])));
}

// NAMESPACE/NAME with all namespaces, NAME (+ the next cell) in one; an age there (NAME, AGE) may differ by a tick.
const key = (r: string[]) => r.slice(0, 2).map((c) => (AGE.test(c) ? '' : c)).join('/');

for (const kind of KINDS) {
  test(`${kind}: columns and rows equal kubectl get -o wide`, async ({ page, signInAs }) => {
    await signInAs('admin-user');
    const ui = new KindsPage(page);
    const clusterScoped = ['persistentvolumes', 'clusterroles', 'ingressclasses'].includes(kind);
    const ns = NAMESPACE[kind] ?? 'default';
    const scopes: { namespace?: string; args: string[] }[] = clusterScoped
      ? [{ args: [kind] }]
      : [{ args: [kind, '-A'] }, { namespace: ns, args: [kind, '-n', ns] }];
    for (const scope of scopes) {
      await ui.openList(kind, { namespace: scope.namespace, wide: true });
      await ui.waitForSynced();
      const cli = kubectlGrid(scope.args);
      expect(cli.rows.length, `kubectl lists some ${kind}`).toBeGreaterThan(0);
      expect(await ui.headers()).toEqual(cli.headers);
      // Same set of rows (the UI sorts by namespace/name like kubectl), every cell equal.
      await expect.poll(async () => {
        const rows = await ui.rows();
        const byKey = new Map(rows.map((r) => [key(r), r]));
        return rows.length === cli.rows.length && cli.rows.every((c) => sameCells(byKey.get(key(c)) ?? [], c));
      }, { message: `${kind} ${scope.namespace ?? 'all namespaces'} equals kubectl` }).toBe(true);
    }
  });
}

test('the seeded CRD objects show the CRD printer columns; priority-1 columns only with "wide"', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const ui = new KindsPage(page);
  await ui.openList('backups.ops.wheelhouse.io', { namespace: 'default' });
  await ui.waitForSynced();
  expect(await ui.headers()).toEqual(['NAME', 'SOURCE', 'SCHEDULE', 'PHASE', 'SIZE', 'LAST BACKUP', 'AGE']);
  // The switch lives in the URL (o=wide): its state follows the navigation.
  await page.getByRole('checkbox', { name: 'Wide' }).click();
  await expect.poll(() => ui.headers()).toEqual(['NAME', 'SOURCE', 'SCHEDULE', 'PHASE', 'SIZE', 'RETAIN', 'LAST BACKUP', 'AGE']);
  await expect(page).toHaveURL(/o=wide/);
});
