import { expect, test } from './fixtures';
import { LivePage } from './pages/live-page';
import { signOutEndsEveryTab, tenTabs } from './tabs-support';

// Many tabs of one browser on the demo server, over one live connection (e2e/tabs-support.ts).

test('ten tabs in one browser: every tab loads and stays live, sidebar navigation never stalls, one live connection', async ({ signInAs, page, baseURL }) => {
  // Every step has its own 30 s bound; the whole is long on a loaded machine (ten tabs of a production build).
  test.setTimeout(600_000);
  await signInAs('admin-user');
  await tenTabs(page, baseURL!);
  expect(page.isClosed()).toBe(false);
});

test('signing out in one tab ends the live lists and followed logs of every tab, on the server', async ({ signInAs, page, baseURL, playwright }) => {
  await signInAs('admin-user');
  await signOutEndsEveryTab(page, baseURL!, async (cookie) => {
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: cookie } });
    const res = await api.get('/api/live?stats=1');
    const body = (await res.json()) as { session: { connections: number; subscriptions: number } };
    await api.dispose();
    return body.session;
  });
});

test('a session may hold only a few live connections: past the cap the console answers 429 with the reason', async ({ signInAs, page }) => {
  await signInAs('admin-user');
  const ui = new LivePage(page);
  await ui.open('/namespaces');
  // The tab holds its one connection once the list is live; open more in the page until the console refuses one.
  await ui.expectLive();
  const answers = await page.evaluate(async () => {
    const held: AbortController[] = [];
    const out: { status: number; body?: unknown }[] = [];
    for (let i = 0; i < 4; i++) {
      const ac = new AbortController();
      held.push(ac);
      const res = await fetch('/api/live', { signal: ac.signal });
      out.push({ status: res.status, body: res.ok ? undefined : await res.json() });
    }
    held.forEach((ac) => ac.abort());
    return out;
  });
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
  expect(answers[3].body).toMatchObject({ error: { status: 429, reason: 'TooManyRequests', message: expect.stringContaining('live connections open (the limit is 4)') } });
});
