import base from './playwright.config';
import { defineConfig } from '@playwright/test';

// `npm run screenshots` (after `npx next build`): the README's screenshots. Kept out of `npm test` because it rewrites
// the tracked docs/screenshots/: the main pages (screenshots.spec.ts), and the operate flows, whose specs save a shot
// mid-flow only when WHEELHOUSE_README_SHOTS names the folder (e2e/readme-shot.ts).
process.env.WHEELHOUSE_README_SHOTS = 'docs/screenshots';
export default defineConfig({
  ...base,
  testMatch: ['screenshots.spec.ts', 'operate-edit.spec.ts', 'operate-nodes.spec.ts', 'operate-workloads.spec.ts'],
  testIgnore: [],
  retries: 0,
});
