import { expect, type Locator, type Page } from '@playwright/test';
import { ConsolePage } from './console-page';

// One object's detail page (`kubectl describe`): summary fields, metadata, and its tables (Containers, Conditions,
// Endpoints, Pods, Events — use the ConsolePage table helpers with those labels).
export class DetailPage extends ConsolePage {
  constructor(page: Page) {
    super(page);
  }

  async openObject(kind: string, namespace: string | undefined, name: string) {
    await this.open(`/${kind}/${namespace ?? '-'}/${name}`);
    await this.expectLoaded(name);
  }

  async expectLoaded(name: string) {
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(name);
    await expect(this.summary()).toBeVisible();
  }

  summary(): Locator {
    return this.page.locator('dl[aria-label="Summary"]');
  }

  /** The value of one summary line ("Selector", "Node", "IP", "Controlled by", …). */
  field(label: string): Locator {
    return this.summary().locator(`[data-field="${label}"] dd`);
  }

  metadataField(label: string): Locator {
    return this.page.locator(`dl[aria-label="Metadata"] [data-field="${label}"] dd`);
  }

  ownerLink(): Locator {
    return this.field('Controlled by').getByRole('link');
  }

  /** The page's error or not-found notice (not Next's empty route announcer, which is also an alert). */
  alert(): Locator {
    return this.page.locator('[role="alert"][data-reason]');
  }
}
