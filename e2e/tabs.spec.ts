import { expect, test } from './fixtures';
import { tenTabs } from './tabs-support';

// Ten tabs of one browser on the demo server: all load and stay live over one connection (e2e/tabs-support.ts).

test('ten tabs in one browser: every tab loads and stays live, sidebar navigation never stalls, one live connection', async ({ signInAs, page, baseURL }) => {
  test.setTimeout(300_000);
  await signInAs('admin-user');
  await tenTabs(page, baseURL!);
  expect(page.isClosed()).toBe(false);
});
