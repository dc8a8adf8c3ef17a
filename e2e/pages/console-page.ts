import { expect, type Locator, type Page } from '@playwright/test';

// The console shell and its generic resource tables.
export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(path: string) {
    await this.page.goto(path);
  }

  table(label: string): Locator {
    return this.page.getByRole('table', { name: label });
  }

  row(label: string, name: string): Locator {
    return this.table(label).locator(`tr[data-row-name="${name}"]`);
  }

  cell(label: string, name: string, column: string): Locator {
    return this.row(label, name).locator(`td[data-col="${column}"]`);
  }

  /** Names of the rows a table shows, in order ([] while the page is still navigating, for expect.poll). */
  async rowNames(label: string): Promise<string[]> {
    return this.table(label)
      .locator('tbody tr[data-row-name]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-name') ?? ''));
  }

  /** The error panel of a failed request (ErrorPanel), not Next.js's route announcer. */
  errorPanel(): Locator {
    return this.page.locator('[role="alert"][data-reason]');
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page).toHaveURL(/\/login/);
  }

  async expectNoTokenInStorage(token: string) {
    const storage = await this.page.evaluate(() => JSON.stringify({ l: { ...localStorage }, s: { ...sessionStorage }, c: document.cookie }));
    expect(storage.includes(token)).toBe(false);
  }
}

/** The headers a mutating request from the page carries: its Origin and the session's CSRF token. */
export async function mutationHeaders(page: Page): Promise<Record<string, string>> {
  const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
  return { Origin: new URL(page.url()).origin, 'X-CSRF-Token': token ?? '' };
}
