import { expect, test } from './fixtures';
import { tenTabs } from './tabs-support';
import { origin, TLS_PORTS } from './tls-support';

// The same ten tabs against the console as it ships (standalone bundle, server/https-server.mjs, HTTPS):
// playwright.tls.config.ts runs this file.

test('over TLS: ten tabs in one browser all load and stay live over one connection; navigation never stalls', async ({ signInAs, page }) => {
  // Every step has its own 30 s bound; the whole is long on a loaded machine (ten tabs of a production build).
  test.setTimeout(600_000);
  await signInAs('admin-user');
  await tenTabs(page, origin(TLS_PORTS.a));
  expect(page.isClosed()).toBe(false);
});
