import { expect, type Locator, type Page } from '@playwright/test';
import { ConsolePage } from './console-page';

// The overview (`/`): count cards, the Nodes summary and the Warning events table.
export class OverviewPage extends ConsolePage {
  constructor(page: Page) {
    super(page);
  }

  async openOverview(namespace?: string) {
    await this.open(namespace ? `/?ns=${namespace}` : '/');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  }

  /** The card (a link to the kind's list) counting one kind. */
  card(kind: string): Locator {
    return this.page.locator(`a[data-count-kind="${kind}"]`);
  }

  countValue(kind: string): Locator {
    return this.card(kind).getByTestId('count-value');
  }
}
