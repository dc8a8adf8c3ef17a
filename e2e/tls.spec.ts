import { execFileSync } from 'node:child_process';
import { AppsV1Api } from '@kubernetes/client-node';
import { adminKubeConfig, readClusterState, readToken, signServiceAccountToken } from '../cluster/state';
import { expect, test, USERS } from './fixtures';
import { kubectl } from './kubectl';
import { LoginPage } from './pages/login-page';
import { OperatePage } from './pages/operate-page';
import { auditLines, origin, pageMutationHeaders, rawSignIn, serverLog, signInError, TcpRelay, TLS_PORTS, TLS_SESSION_COOKIE } from './tls-support';

// The shipped console (playwright.tls.config.ts): the standalone bundle over HTTPS, in in-cluster mode. Login and
// operate flows over TLS with the security headers, two replicas sharing one session, the audit trail, the
// plain-HTTP login rule, the login rate limit, and the cluster-unreachable banner. Cluster effects are checked with
// the admin's client-node or kubectl; the test namespace is created and deleted here.

const NS = 'wh-tls-e2e';
const apps = () => adminKubeConfig().makeApiClient(AppsV1Api);
const replicas = async () => (await apps().readNamespacedDeployment({ namespace: NS, name: 'web' })).spec?.replicas;

test.beforeAll(() => {
  const manifest = `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${NS}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: ${NS}}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx:alpine}]}\n`;
  kubectlApply(manifest);
});
test.afterAll(() => {
  kubectl('delete', 'namespace', NS, '--ignore-not-found', '--wait=true', '--timeout=90s');
});

function kubectlApply(manifest: string) {
  const { binDir, kubeconfig } = readClusterState();
  execFileSync(`${binDir}/kubectl`, ['--kubeconfig', kubeconfig, 'apply', '-f', '-'], { input: manifest, encoding: 'utf8' });
}

test('over TLS: security headers on every page, strict CSP with nonces and no violations, Secure cookies', async ({ page, signInAs, context }) => {
  const violations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  page.on('pageerror', (e) => violations.push(e.message));
  const login = await page.goto('/login');
  await signInAs('admin-user');
  const console1 = await page.goto(`/deployments?ns=${NS}`);
  await expect(page.getByRole('table', { name: 'Deployments' })).toBeVisible();
  const nonces: string[] = [];
  for (const res of [login!, console1!]) {
    const h = res.headers();
    const csp = h['content-security-policy'];
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(h['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('same-origin');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['permissions-policy']).toContain('camera=()');
    nonces.push(scriptSrc.match(/'nonce-([^']+)'/)![1]);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
  const html = await console1!.text();
  expect([...html.matchAll(/<script\b[^>]*>/g)].filter((m) => !m[0].includes(`nonce="${nonces[1]}"`))).toEqual([]);

  const cookie = (await context.cookies()).find((c) => c.name === TLS_SESSION_COOKIE);
  expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
  expect(violations).toEqual([]);
});

test('operate over TLS: scale, restart, delete and apply; each is one audit line, and the Activity page lists them', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const ui = new OperatePage(page);
  await ui.open(`/deployments?ns=${NS}`);
  await expect(ui.replicasInput('web')).toBeEnabled();
  await ui.scaleTo('web', 2);
  await expect.poll(replicas).toBe(2);

  const headers = await pageMutationHeaders(page);
  const pods = JSON.parse(kubectl('get', 'pods', '-n', NS, '-o', 'json')) as { items: { metadata: { name: string; deletionTimestamp?: string } }[] };
  const pod = pods.items.find((p) => !p.metadata.deletionTimestamp)!.metadata.name;
  const del = await page.request.delete(`/api/k8s/pods/${NS}/${pod}`, { headers });
  expect(del.status()).toBe(200);
  const restart = await page.request.post(`/api/k8s/deployments/${NS}/web/restart`, { headers });
  expect(restart.status()).toBe(200);
  const yaml = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: audited\n  namespace: ${NS}\ndata:\n  a: "1"\n`;
  const preview = await page.request.post('/api/apply', { headers, data: { yaml, mode: 'preview' } });
  const applied = await page.request.post('/api/apply', { headers, data: { yaml, mode: 'apply' } });
  expect([preview.status(), applied.status()]).toEqual([200, 200]);
  expect(kubectl('get', 'configmap', 'audited', '-n', NS, '-o', 'name').trim()).toBe('configmap/audited');

  const user = USERS['admin-user'];
  const byId = (id: string | undefined) => auditLines(TLS_PORTS.a).find((l) => l.requestId === id);
  await expect.poll(() => auditLines(TLS_PORTS.a).some((l) => l.action === 'scale' && l.name === 'web' && l.namespace === NS)).toBe(true);
  const scale = auditLines(TLS_PORTS.a).filter((l) => l.action === 'scale' && l.name === 'web').pop()!;
  expect(scale).toMatchObject({ user, kind: 'deployments', namespace: NS, dryRun: null, result: { status: 200, reason: 'OK' }, clientIp: '127.0.0.1' });
  expect(byId(restart.headers()['x-request-id'])).toMatchObject({ user, action: 'restart', kind: 'deployments', name: 'web', result: { status: 200 } });
  expect(byId(del.headers()['x-request-id'])).toMatchObject({ user, action: 'delete', kind: 'pods', namespace: NS, name: pod, result: { status: 200 } });
  expect(byId(preview.headers()['x-request-id'])).toMatchObject({ user, action: 'apply', result: { status: 200 } });
  expect(byId(applied.headers()['x-request-id'])).toMatchObject({ user, action: 'apply', result: { status: 200 } });
  for (const l of auditLines(TLS_PORTS.a)) expect(Object.keys(l)).toEqual(expect.arrayContaining(['time', 'user', 'action', 'kind', 'namespace', 'name', 'dryRun', 'result', 'clientIp', 'requestId']));
  expect(serverLog(TLS_PORTS.a)).not.toContain(readToken('admin-user'));

  await ui.open('/activity');
  const table = page.getByRole('table', { name: 'Activity' });
  for (const id of [restart, del, preview, applied].map((r) => r.headers()['x-request-id'])) {
    await expect(table.locator(`tr[data-row-name="${id}"]`)).toBeVisible();
  }
  await expect(table.locator('tr[data-action="scale"]').first().locator('td[data-col="object"]')).toHaveText(`deployments ${NS}/web`);
});

test('two replicas serve one session: signed in on one, operate on the other', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  const csrfFromA = (await pageMutationHeaders(page))['X-CSRF-Token'];
  const b = origin(TLS_PORTS.b);
  const ui = new OperatePage(page);
  await page.goto(`${b}/deployments?ns=${NS}`);
  await expect(page.getByTestId('username')).toHaveText(USERS['admin-user']);
  await expect(ui.replicasInput('web')).toBeEnabled();
  await ui.scaleTo('web', 3);
  await expect.poll(replicas).toBe(3);
  // The CSRF token minted by replica A is accepted by replica B: it is derived from the session and the shared secret.
  const res = await page.request.patch(`${b}/api/k8s/deployments/${NS}/web/scale`, { headers: { Origin: b, 'X-CSRF-Token': csrfFromA }, data: { replicas: 1 } });
  expect(res.status()).toBe(200);
  await expect.poll(replicas).toBe(1);
  expect(auditLines(TLS_PORTS.b).find((l) => l.requestId === res.headers()['x-request-id'])).toMatchObject({ action: 'scale', user: USERS['admin-user'] });

  // Signing out on B ends the session for both, and empties what the console stored in the browser
  // (Clear-Site-Data); next-auth's own sign-out broadcast to other tabs is all that is left.
  await page.evaluate(() => localStorage.setItem('wh-e2e-marker', 'x'));
  await ui.signOut();
  expect((await page.context().cookies()).find((c) => c.name === TLS_SESSION_COOKIE)).toBeUndefined();
  expect((await page.request.get(`${origin(TLS_PORTS.a)}/api/csrf`)).status()).toBe(401);
  expect((await page.evaluate(() => Object.keys(localStorage))).filter((k) => k !== 'nextauth.message')).toEqual([]);
});

test('the session ends with the token: a 4-minute token gets the 5-minute warning at once', async ({ page }) => {
  const token = await signServiceAccountToken({ namespace: 'kube-system', name: 'admin-user', expiresInSeconds: 240 });
  await new LoginPage(page).signIn(token, USERS['admin-user']);
  await expect(page.getByRole('status').filter({ hasText: 'Session ends in' })).toContainText(/Session ends in [34]:\d\d/);
});

test('login over plain HTTP is refused unless the console is on localhost', async () => {
  const token = readToken('viewer');
  const remote = await rawSignIn(TLS_PORTS.plain, token, { plain: true, host: `wheelhouse.example.test:${TLS_PORTS.plain}` });
  expect(remote.status).toBe(403);
  expect(signInError(remote)).toContain('Sign-in over plain HTTP is refused');
  expect(remote.headers['set-cookie']?.some((c) => c.startsWith('wh-session')) ?? false).toBe(false);
  const relay = new TcpRelay(TLS_PORTS.relay, readClusterState().ports.apiserver);
  await relay.open();
  try {
    const local = await rawSignIn(TLS_PORTS.plain, token, { plain: true });
    expect(local.status).toBe(200);
    expect(local.headers['set-cookie']?.some((c) => c.startsWith('wh-session='))).toBe(true);
  } finally {
    await relay.cut();
  }
});

// The browser resolves wheelhouse.example.test to 127.0.0.1 (--host-resolver-rules in playwright.tls.config.ts).
test('the login form says why a remote plain-HTTP sign-in is refused', async ({ page }) => {
  await page.goto(`http://wheelhouse.example.test:${TLS_PORTS.plain}/login`);
  const login = new LoginPage(page);
  await login.submit(readToken('viewer'));
  await expect(login.error()).toContainText('Sign-in over plain HTTP is refused');
});

test('failed sign-ins are limited per client address, with a clear message; other clients are unaffected', async () => {
  // A client address of its own on every attempt: a retry (or a rerun against the same servers) starts unlimited.
  const attacker = `127.3.${test.info().retry}.${2 + Math.floor(Math.random() * 250)}`;
  for (let i = 0; i < 10; i++) {
    // A bad token of its own each time: failures are also limited per token, and other specs send bad tokens too.
    const res = await rawSignIn(TLS_PORTS.a, `not a token ${attacker} ${i}`, { localAddress: attacker });
    expect(res.status, `attempt ${i + 1}`).toBe(401);
  }
  const limited = await rawSignIn(TLS_PORTS.a, readToken('viewer'), { localAddress: attacker });
  expect(limited.status).toBe(429);
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect(signInError(limited)).toMatch(new RegExp(`^Too many failed sign-ins from ${attacker.replaceAll('.', '\\.')}: at most 10 a minute\\. Try again in \\d+ s\\.$`));
  const other = await rawSignIn(TLS_PORTS.a, readToken('viewer'));
  expect(other.status).toBe(200);
});

test('API server unreachable: a banner within 10 s, and the console recovers by itself', async ({ page }) => {
  const relay = new TcpRelay(TLS_PORTS.relay, readClusterState().ports.apiserver);
  await relay.open();
  try {
    const flaky = origin(TLS_PORTS.plain, 'http');
    await page.goto(`${flaky}/login`);
    const login = new LoginPage(page);
    await login.submit(readToken('admin-user'));
    await expect(page.getByTestId('username')).toHaveText(USERS['admin-user']);
    await page.goto(`${flaky}/deployments?ns=${NS}`);
    const ui = new OperatePage(page);
    await expect(ui.row('Deployments', 'web')).toBeVisible();
    const banner = page.getByTestId('cluster-banner');
    await expect(banner).toBeHidden();

    await relay.cut();
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expect(banner).toContainText('Cluster unreachable');
    expect((await page.request.get(`${flaky}/readyz`)).status()).toBe(503);

    await relay.open();
    await expect(banner).toBeHidden({ timeout: 20_000 });
    await expect(ui.row('Deployments', 'web')).toBeVisible();
    expect((await page.request.get(`${flaky}/readyz`)).status()).toBe(200);
  } finally {
    await relay.cut();
  }
});
