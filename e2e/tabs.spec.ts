import { expect, test } from './fixtures';
import { signOutEndsEveryTab, tenTabs } from './tabs-support';

// Many tabs of one browser on the demo server, over one live connection (e2e/tabs-support.ts).

test('ten tabs in one browser: every tab loads and stays live, sidebar navigation never stalls, one live connection', async ({ signInAs, page, baseURL }) => {
  test.setTimeout(300_000);
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
