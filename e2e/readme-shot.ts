import type { Page } from '@playwright/test';

// A README screenshot taken in the middle of a real flow (an edit's diff, a drain held by a budget, a rollback).
// Only `npm run screenshots` sets WHEELHOUSE_README_SHOTS (to docs/screenshots): `npm test` writes no tracked file.
export async function readmeShot(page: Page, name: string): Promise<void> {
  const dir = process.env.WHEELHOUSE_README_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}
