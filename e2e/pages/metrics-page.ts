import { expect, type Locator, type Page } from '@playwright/test';
import { ConsolePage } from './console-page';

// Usage (metrics.k8s.io) in the lists, the overview and detail pages.
export class MetricsPage extends ConsolePage {
  constructor(page: Page) {
    super(page);
  }

  async openList(kind: 'pods' | 'nodes', namespace?: string) {
    await this.open(namespace ? `/${kind}?ns=${namespace}` : `/${kind}`);
    await expect(this.page.getByRole('heading', { level: 1, name: kind === 'pods' ? 'Pods' : 'Nodes' })).toBeVisible();
  }

  header(label: string, text: string): Locator {
    return this.table(label).getByRole('columnheader', { name: text, exact: true });
  }

  /** Sorts by a column, descending (the first click sorts ascending). */
  async sortDescending(label: string, text: string) {
    const th = this.header(label, text);
    await th.getByRole('button').click();
    await expect(th).toHaveAttribute('aria-sort', 'ascending');
    await th.getByRole('button').click();
    await expect(th).toHaveAttribute('aria-sort', 'descending');
  }

  /** Each row's text in one column, keyed by "namespace/name" (namespace from its own column, or `namespace`). */
  async columnValues(label: string, column: string, namespace?: string, attr?: string): Promise<Record<string, string>> {
    return this.table(label)
      .locator('tbody tr[data-row-name]')
      .evaluateAll((rows, a) => rows.map((r) => {
        const ns = r.querySelector('td[data-col="namespace"]')?.textContent ?? a.namespace ?? '';
        const cell = r.querySelector(`td[data-col="${a.column}"]`);
        const v = a.attr ? cell?.querySelector(`[${a.attr}]`)?.getAttribute(a.attr) : cell?.textContent;
        return [`${ns}/${r.getAttribute('data-row-name')}`, v ?? ''] as const;
      }), { column, namespace, attr })
      .then((pairs) => Object.fromEntries(pairs))
      .catch(() => ({}));
  }

  note(): Locator {
    return this.page.getByTestId('metrics-note');
  }
}
