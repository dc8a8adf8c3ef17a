import { expect, type Locator, type Page } from '@playwright/test';
import { OperatePage } from './operate-page';

// A detail page's operate controls beyond scale/restart/delete: edit, the one-step actions, rollout history, drain,
// and the editor of the edit and apply pages.
export class ObjectPage extends OperatePage {
  constructor(page: Page) {
    super(page);
  }

  async openObject(kind: string, namespace: string | undefined, name: string) {
    await this.page.goto(`/${kind}/${namespace ?? '-'}/${name}`);
    await expect(this.actions()).toBeVisible();
  }

  button(label: string | RegExp): Locator {
    return this.actions().getByRole('button', { name: typeof label === 'string' ? new RegExp(`^${label}\\b`) : label });
  }

  /** Presses an action's button and confirms it in its dialog. */
  async act(label: string, confirmLabel = label) {
    await expect(this.button(label)).toBeEnabled();
    await this.button(label).click();
    await this.confirm(confirmLabel);
    await expect(this.dialog()).toBeHidden();
  }

  editor(): Locator {
    return this.page.getByRole('textbox', { name: 'YAML manifest' });
  }

  async setYaml(text: string) {
    await this.editor().fill(text);
  }

  /** The editor's text as the edit route serves it (CodeMirror renders only the lines in view). */
  async editable(kind: string, namespace: string | undefined, name: string): Promise<{ yaml: string; resourceVersion: string }> {
    const res = await this.page.evaluate(async (url) => (await fetch(url)).json(), `/api/k8s/${kind}/${namespace ?? '-'}/${name}/edit`);
    return res as { yaml: string; resourceVersion: string };
  }

  editButton(label: 'Preview' | 'Save'): Locator {
    return this.page.getByRole('toolbar', { name: 'Edit actions' }).getByRole('button', { name: label, exact: true });
  }

  history(): Locator {
    return this.page.getByTestId('rollout-history');
  }
}
