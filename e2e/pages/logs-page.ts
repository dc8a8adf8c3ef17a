import { expect, type Locator, type Page } from '@playwright/test';
import { ConsolePage } from './console-page';

// The logs view of a pod or a whole deployment.
export class LogsPage extends ConsolePage {
  constructor(page: Page) {
    super(page);
  }

  async openLogs(kind: 'pods' | 'deployments', namespace: string, name: string) {
    await this.open(`/${kind}/${namespace}/${name}/logs`);
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(name);
  }

  output(): Locator {
    return this.page.getByRole('log', { name: 'Log output' });
  }

  lines(): Locator {
    return this.output().locator('[data-line]');
  }

  async lineTexts(): Promise<string[]> {
    return this.lines().allTextContents();
  }

  container(): Locator {
    return this.page.getByLabel('Container', { exact: true });
  }

  async setTail(n: number | string) {
    await this.page.getByLabel('Tail lines').fill(String(n));
    await this.page.getByLabel('Tail lines').press('Enter');
  }

  option(label: 'Follow' | 'Previous container' | 'Timestamps' | 'Only matching lines'): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  search(): Locator {
    return this.page.getByLabel('Search the log');
  }

  state(): Locator {
    return this.page.getByTestId('log-state');
  }

  download(): Locator {
    return this.page.getByRole('button', { name: 'Download' });
  }

  alert(): Locator {
    return this.page.locator('[role="alert"][data-reason]');
  }
}
