import { expect, type Page } from '@playwright/test';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/login${query}`);
    await expect(this.page.getByRole('heading', { name: 'Wheelhouse' })).toBeVisible();
  }

  async submit(token: string) {
    await this.page.getByLabel('Bearer token').fill(token);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Signs in and waits for the console shell to name the user. */
  async signIn(token: string, expectedUser: string) {
    await this.goto();
    await this.submit(token);
    await expect(this.page.getByTestId('username')).toHaveText(expectedUser);
  }

  error() {
    // Scoped to the form: Next.js's route announcer is a page-wide role=alert too.
    return this.page.locator('form').getByRole('alert');
  }
}
