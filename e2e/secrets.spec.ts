import { expect, test } from './fixtures';
import { kubectl } from './kubectl';
import { mutationHeaders } from './pages/console-page';
import { KindsPage } from './pages/kinds-page';
import { LivePage } from './pages/live-page';

// Secrets with care: no value in lists, page HTML or the live stream; one value per click, after an access review,
// audited; a viewer is refused and told why.

const VALUE = 's3cr3t-Wheelhouse-Seed';
const B64 = Buffer.from(VALUE).toString('base64');
const leaks = (text: string) => text.includes(VALUE) || text.includes(B64);

test('no secret value in the list response, the stream, the page HTML or the detail JSON', async ({ page, signInAs }) => {
  expect(kubectl('get', 'secret', 'app-credentials', '-n', 'team-a', '-o', 'jsonpath={.data.password}')).toBe(B64);
  await signInAs('admin-user');
  const ui = new KindsPage(page);
  await ui.openList('secrets', { namespace: 'team-a' });
  await ui.waitForSynced();
  await expect.poll(() => ui.rowNames()).toContain('app-credentials');
  expect(leaks(await page.content())).toBe(false);
  const html = await (await page.request.get('/secrets?ns=team-a')).text();
  expect(html).toContain('app-credentials');
  expect(leaks(html)).toBe(false);
  const list = await page.request.get('/api/k8s/secrets?namespace=team-a');
  expect(list.ok()).toBe(true);
  expect(leaks(await list.text())).toBe(false);
  // The live stream (one subscription on /api/live, read until its first listing is done).
  const { events } = await new LivePage(page).readStream({ kind: 'secrets', namespace: 'team-a' }, 'done');
  const stream = JSON.stringify(events);
  expect(stream).toContain('app-credentials');
  expect(leaks(stream)).toBe(false);
  const detail = await page.request.get('/api/k8s/secrets/team-a/app-credentials');
  expect(detail.headers()['cache-control']).toContain('no-store');
  const body = await detail.text();
  expect(body).toContain('password');
  expect(leaks(body)).toBe(false);
  await page.goto('/secrets/team-a/app-credentials');
  await expect(page.getByRole('table', { name: 'Secret data' }).locator('tr[data-key="password"]')).toContainText(`${VALUE.length} bytes`);
  expect(leaks(await page.content())).toBe(false);
});

test('reveal works for admin-user, one key per click, and is audited', async ({ page, signInAs }) => {
  await signInAs('admin-user');
  await page.goto('/secrets/team-a/app-credentials');
  const row = page.getByRole('table', { name: 'Secret data' }).locator('tr[data-key="password"]');
  const other = page.getByRole('table', { name: 'Secret data' }).locator('tr[data-key="username"]');
  const reveal = page.waitForResponse((r) => r.url().endsWith('/api/k8s/secrets/team-a/app-credentials/reveal'));
  await row.getByRole('button', { name: 'Reveal' }).click();
  const res = await reveal;
  expect(res.headers()['cache-control']).toContain('no-store');
  await expect(row.getByTestId('secret-value')).toHaveText(VALUE);
  await expect(other.getByTestId('secret-value')).toHaveCount(0);
  await page.goto('/activity');
  await expect(page.getByRole('table').getByText('reveal-secret').first()).toBeVisible();
});

test('a viewer may not read secrets: the reveal is refused with the reason', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await page.goto('/secrets/team-a/app-credentials');
  await expect(page.locator('[role="alert"][data-reason="Forbidden"]')).toContainText('secrets');
  const res = await page.request.post('/api/k8s/secrets/team-a/app-credentials/reveal', { headers: await mutationHeaders(page), data: { key: 'password' } });
  expect(res.status()).toBe(403);
  const text = await res.text();
  expect(text).toContain('You cannot get secrets');
  expect(leaks(text)).toBe(false);
});
