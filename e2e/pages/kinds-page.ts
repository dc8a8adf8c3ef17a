import { expect, type Locator, type Page } from '@playwright/test';

// Any kind's list (the API server's Table columns) and the discovery-built sidebar.
export class KindsPage {
  constructor(readonly page: Page) {}

  async openList(kind: string, opts: { namespace?: string; wide?: boolean } = {}) {
    const q = new URLSearchParams();
    if (opts.namespace) q.set('ns', opts.namespace);
    if (opts.wide) q.set('o', 'wide');
    await this.page.goto(`/${kind}${q.size ? `?${q}` : ''}`);
    await expect(this.list(kind)).toBeVisible();
  }

  /** The list of one kind (its URL name), or whichever list the page shows. */
  list(kind?: string): Locator {
    return this.page.locator(kind ? `section[data-kind="${kind}"]` : 'section[data-kind]');
  }

  table(): Locator {
    return this.list().locator('table');
  }

  sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Resources' });
  }

  sidebarGroup(title: string): Locator {
    return this.sidebar().getByRole('group', { name: title });
  }

  // The console's own action column (the scale control of a kind with /scale) is not part of kubectl's table.
  async headers(): Promise<string[]> {
    return this.table().locator('thead th:not([data-col="scale"])').allInnerTexts().then((h) => h.map((t) => t.trim()));
  }

  /** Every row as its cells' texts, in the table's order. */
  async rows(): Promise<string[][]> {
    return this.table().locator('tbody tr[data-row-name]').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td:not([data-col="scale"])')].map((td) => (td.textContent ?? '').trim()))).catch(() => []);
  }

  async rowNames(): Promise<string[]> {
    return this.table().locator('tbody tr[data-row-name]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-name') ?? '')).catch(() => []);
  }

  /** The list is live and its first listing is complete. */
  async waitForSynced(kind?: string) {
    await expect(this.list(kind).getByTestId('live-indicator')).toHaveAttribute('data-synced', 'true');
  }
}
