import { expect, type Locator, type Page } from '@playwright/test';
import { ConsolePage } from './console-page';

// The operate controls: the scale control (list rows and detail header), the detail page's action toolbar, the
// confirmation dialog, and requests forced from the page straight at the console's routes.
export class OperatePage extends ConsolePage {
  constructor(page: Page) {
    super(page);
  }

  /** The scale control of a row in the Deployments table, or the detail header's when `inList` is false. */
  scaleControl(name: string, inList = true): Locator {
    const scope = inList ? this.row('Deployments', name) : this.actions();
    return scope.locator(`[data-testid="scale-control"][data-name="${name}"]`);
  }

  replicasInput(name: string, inList = true): Locator {
    return this.scaleControl(name, inList).getByLabel(`Replicas of ${name}`, { exact: true });
  }

  scaleButton(name: string, inList = true): Locator {
    return this.scaleControl(name, inList).getByRole('button', { name: /^Scale\b/ });
  }

  scaleStatus(name: string, inList = true): Locator {
    return this.scaleControl(name, inList).getByTestId('scale-status');
  }

  async more(name: string, times = 1, inList = true) {
    for (let i = 0; i < times; i++) await this.scaleControl(name, inList).getByRole('button', { name: `More replicas of ${name}` }).click();
  }

  /** Types a value into the field and sends it with Enter. */
  async scaleTo(name: string, replicas: number, inList = true) {
    await this.replicasInput(name, inList).fill(String(replicas));
    await expect(this.scaleButton(name, inList)).toBeEnabled();
    await this.replicasInput(name, inList).press('Enter');
  }

  /**
   * In a Table-rendered list (`/kind?ns=`), opens a row's on-demand scale control, checks it shows `from`, and sends
   * `to` with Enter (what follows — an HPA prompt, the change — is the caller's to check).
   */
  async scaleRowTo(kind: string, namespace: string, name: string, from: number, to: number) {
    await this.page.goto(`/${kind}?ns=${namespace}`);
    const row = this.page.locator(`tr[data-row-name="${name}"]`);
    await row.getByRole('button', { name: `Scale ${name}…` }).click();
    const input = row.getByLabel(`Replicas of ${name}`, { exact: true });
    await expect(input).toHaveValue(String(from));
    await input.fill(String(to));
    await expect(row.getByRole('button', { name: `Scale ${name} to ${to}` })).toBeEnabled();
    await input.press('Enter');
  }

  actions(): Locator {
    return this.page.getByRole('toolbar', { name: 'Actions' });
  }

  action(label: 'Restart' | 'Delete'): Locator {
    return this.actions().getByRole('button', { name: new RegExp(`^${label} `) });
  }

  rolloutPanel(): Locator {
    return this.page.getByTestId('rollout-panel');
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async confirm(label: string) {
    await this.dialog().getByRole('button', { name: label, exact: true }).click();
  }

  /**
   * A request made from the page with the session cookie and the page's CSRF token, bypassing the UI's controls: it
   * passes the console's own checks, so what answers is the cluster's RBAC (or the console's input validation).
   */
  async forced(method: string, url: string, body?: unknown): Promise<{ status: number; body: { error?: { reason: string; message: string } } }> {
    return this.page.evaluate(async ({ method, url, body }) => {
      const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
      const res = await fetch(url, {
        method,
        headers: { 'X-CSRF-Token': csrf, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => ({})) };
    }, { method, url, body });
  }
}
