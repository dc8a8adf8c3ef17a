import { test as base, expect } from '@playwright/test';
import { readToken, type TokenName } from '../cluster/state';
import { ConsolePage } from './pages/console-page';
import { LoginPage } from './pages/login-page';
import { watchStreamBodies } from './stream-leaks';

export const USERS: Record<TokenName, string> = {
  'admin-user': 'system:serviceaccount:kube-system:admin-user',
  viewer: 'system:serviceaccount:default:viewer',
  'team-a-editor': 'system:serviceaccount:team-a:editor',
};

interface Fixtures {
  loginPage: LoginPage;
  consolePage: ConsolePage;
  /** Signs in with one of the seeded tokens; every response body the page receives is checked for the token,
   *  streams (SSE, followed logs) included, as they arrive. */
  signInAs: (who: TokenName) => Promise<ConsolePage>;
}

export const test = base.extend<Fixtures>({
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  consolePage: async ({ page }, use) => use(new ConsolePage(page)),
  signInAs: async ({ page }, use) => {
    const leaks: string[] = [];
    let token: string | undefined;
    page.on('response', async (res) => {
      if (!token) return;
      const body = await res.body().catch(() => undefined);
      if (body && body.includes(token)) leaks.push(res.url());
    });
    await watchStreamBodies(page, () => token, (url) => leaks.push(url));
    await use(async (who) => {
      token = readToken(who);
      await new LoginPage(page).signIn(token, USERS[who]);
      return new ConsolePage(page);
    });
    expect(leaks, 'responses that contained the bearer token').toEqual([]);
  },
});

export { expect };
