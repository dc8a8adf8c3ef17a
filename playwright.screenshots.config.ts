import base from './playwright.config';
import { defineConfig } from '@playwright/test';

// `npm run screenshots` (after `npx next build`): the README's screenshots. Kept out of `npm test` because it rewrites
// the tracked docs/screenshots/.
export default defineConfig({
  ...base,
  testMatch: 'screenshots.spec.ts',
  testIgnore: [],
  retries: 0,
});
