import { signServiceAccountToken } from '../cluster/state';
import { expect, test } from './fixtures';
import { kubectlTable } from './kubectl';

// The read-only console against the seeded local cluster, compared column by column with the project's kubectl.

test('pods page shows what `kubectl get pods -o wide` shows', async ({ signInAs }) => {
  const ui = await signInAs('admin-user');
  await ui.open('/pods?ns=default');
  const expected = kubectlTable('get', 'pods', '-n', 'default', '-o', 'wide');
  expect(expected.map((p) => p.NAME)).toContain('web-site');
  await expect.poll(() => ui.rowNames('Pods')).toEqual(expected.map((p) => p.NAME).sort());
  for (const p of expected) {
    await expect(ui.cell('Pods', p.NAME, 'ready')).toHaveText(p.READY);
    await expect(ui.cell('Pods', p.NAME, 'status')).toHaveText(p.STATUS);
    await expect(ui.cell('Pods', p.NAME, 'restarts')).toHaveText(p.RESTARTS);
    await expect(ui.cell('Pods', p.NAME, 'ip')).toHaveText(p.IP);
    await expect(ui.cell('Pods', p.NAME, 'node')).toHaveText(p.NODE);
  }
  await expect(ui.row('Pods', 'web-site').locator('[data-health="ok"]')).toBeVisible();
});

test('deployments and services pages match kubectl -o wide', async ({ signInAs }) => {
  const ui = await signInAs('admin-user');
  await ui.open('/deployments?ns=default');
  for (const d of kubectlTable('get', 'deployments', '-n', 'default', '-o', 'wide')) {
    await expect(ui.cell('Deployments', d.NAME, 'ready')).toHaveText(d.READY);
    await expect(ui.cell('Deployments', d.NAME, 'updated')).toHaveText(d['UP-TO-DATE']);
    await expect(ui.cell('Deployments', d.NAME, 'available')).toHaveText(d.AVAILABLE);
    await expect(ui.cell('Deployments', d.NAME, 'images')).toHaveText(d.IMAGES);
    await expect(ui.cell('Deployments', d.NAME, 'selector')).toHaveText(d.SELECTOR);
  }
  await ui.open('/services?ns=default');
  const services = kubectlTable('get', 'services', '-n', 'default', '-o', 'wide');
  const webSite = services.find((s) => s.NAME === 'web-site-svc');
  expect(webSite?.['PORT(S)']).toMatch(/^80:\d+\/TCP,88:\d+\/TCP$/);
  for (const s of services) {
    await expect(ui.cell('Services', s.NAME, 'type')).toHaveText(s.TYPE);
    await expect(ui.cell('Services', s.NAME, 'clusterIP')).toHaveText(s['CLUSTER-IP']);
    await expect(ui.cell('Services', s.NAME, 'externalIP')).toHaveText(s['EXTERNAL-IP']);
    await expect(ui.cell('Services', s.NAME, 'ports')).toHaveText(s['PORT(S)']);
    await expect(ui.cell('Services', s.NAME, 'selector')).toHaveText(s.SELECTOR);
  }
});

test('all namespaces adds the NAMESPACE column; the label selector narrows to app=nginx', async ({ signInAs, page }) => {
  const ui = await signInAs('admin-user');
  await ui.open('/pods');
  await expect(ui.table('Pods').getByRole('columnheader', { name: 'NAMESPACE' })).toBeVisible();
  await expect(ui.row('Pods', 'web-site')).toBeVisible();
  await page.getByLabel('Label selector').fill('app in (nginx');
  await page.getByRole('button', { name: 'Apply selector' }).click();
  await expect(page.getByText('missing ")"')).toBeVisible();
  await page.getByLabel('Label selector').fill('app=nginx');
  await page.getByRole('button', { name: 'Apply selector' }).click();
  await expect(page).toHaveURL(/l=app%3Dnginx/);
  const nginx = kubectlTable('get', 'pods', '-A', '-l', 'app=nginx').map((p) => p.NAME).sort();
  await expect.poll(() => ui.rowNames('Pods').then((n) => [...n].sort())).toEqual(nginx);
  await page.getByLabel('Filter by name').fill(nginx[0]);
  await expect.poll(() => ui.rowNames('Pods')).toEqual([nginx[0]]);
  await page.goBack();
  await expect(page).not.toHaveURL(/q=/);
});

test('the viewer token can read', async ({ signInAs }) => {
  const ui = await signInAs('viewer');
  await ui.open('/deployments?ns=team-b');
  await expect(ui.row('Deployments', 'worker')).toBeVisible();
  await ui.open('/pods');
  const all = kubectlTable('get', 'pods', '-A').map((p) => p.NAME).sort();
  await expect.poll(() => ui.rowNames('Pods').then((n) => [...n].sort())).toEqual(all);
  // The `view` role does not cover nodes: that list says so, and the rest of the console keeps working.
  await ui.open('/nodes');
  await expect(ui.errorPanel()).toContainText('cannot list nodes');
  await expect(ui.errorPanel()).toHaveAttribute('data-reason', 'Forbidden');
});

test('team-a works inside team-a and is told it cannot list namespaces', async ({ signInAs, page }) => {
  const ui = await signInAs('team-a-editor');
  await ui.open('/pods');
  // Who may not list namespaces starts in their ServiceAccount's namespace, not on a page of 403s.
  await expect(page).toHaveURL(/ns=team-a/);
  await expect(page.getByText('You may not list namespaces here')).toBeVisible();
  await page.getByLabel('Namespace').fill('team-a');
  await page.getByRole('button', { name: 'Use' }).click();
  await expect(page).toHaveURL(/ns=team-a/);
  const pods = kubectlTable('get', 'pods', '-n', 'team-a').map((p) => p.NAME).sort();
  await expect.poll(() => ui.rowNames('Pods')).toEqual(pods);
  await ui.open('/deployments');
  await expect(page).toHaveURL(/ns=team-a/);
  await expect(ui.row('Deployments', 'api')).toBeVisible();
  await ui.open('/pods?ns=kube-system');
  await expect(ui.errorPanel()).toContainText('cannot list pods in kube-system');
  await expect(ui.errorPanel()).toContainText('Forbidden');
  await expect(page.getByRole('navigation', { name: 'Resources' })).toBeVisible();
});

test('a bad token and an expired token get a clear message and no session', async ({ loginPage, page }) => {
  await loginPage.goto();
  await loginPage.submit('not-a-real-token');
  await expect(loginPage.error()).toContainText('401 Unauthorized');
  await loginPage.submit('two words');
  await expect(loginPage.error()).toContainText('does not look like a bearer token');
  const expired = await signServiceAccountToken({ namespace: 'kube-system', name: 'admin-user', expiresInSeconds: -3600 });
  await loginPage.submit(expired);
  await expect(loginPage.error()).toContainText('This token expired at');
  await page.goto('/pods');
  await expect(page).toHaveURL(/\/login/);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name.startsWith('wh-session'))).toBeUndefined();
});

test('the session ends when the token expires', async ({ loginPage, page }) => {
  // Long enough to sign in on a busy machine; then wait for the expiry itself (no fixed sleep).
  const shortLived = await signServiceAccountToken({ namespace: 'kube-system', name: 'admin-user', expiresInSeconds: 20 });
  await loginPage.signIn(shortLived, 'system:serviceaccount:kube-system:admin-user');
  await expect.poll(async () => (await page.request.get('/api/k8s/pods')).status(), { timeout: 60_000, intervals: [1_000] }).toBe(401);
  // The open page may notice first (its live stream is refused) and go to the login itself; either way the user lands there.
  await page.goto('/deployments').catch((e: Error) => {
    if (!/interrupted by another navigation/.test(e.message)) throw e;
  });
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('Your session expired')).toBeVisible();
  const res = await page.request.get('/api/k8s/pods');
  expect(res.status()).toBe(401);
});

test('logout ends the session and nothing in the browser holds the token', async ({ signInAs, page }) => {
  const ui = await signInAs('admin-user');
  await ui.open('/pods');
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'wh-session');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Strict');
  const { readToken } = await import('../cluster/state');
  await ui.expectNoTokenInStorage(readToken('admin-user'));
  expect(page.url()).not.toContain(readToken('admin-user').slice(0, 20));
  await ui.signOut();
  expect((await page.context().cookies()).find((c) => c.name === 'wh-session')).toBeUndefined();
  expect((await page.request.get('/api/k8s/pods')).status()).toBe(401);
  await page.goto('/pods');
  await expect(page).toHaveURL(/\/login/);
});

test('choosing a namespace on the namespaces page scopes the console', async ({ signInAs, page }) => {
  const ui = await signInAs('admin-user');
  await ui.open('/namespaces');
  await ui.row('Namespaces', 'team-b').getByRole('link', { name: 'team-b' }).click();
  await expect(page).toHaveURL(/\/\?ns=team-b$/);
  await page.getByRole('navigation', { name: 'Resources' }).getByRole('link', { name: 'Deployments' }).click();
  await expect(page).toHaveURL(/\/deployments\?ns=team-b$/);
  await expect.poll(() => ui.rowNames('Deployments')).toEqual(kubectlTable('get', 'deployments', '-n', 'team-b').map((d) => d.NAME));
});
