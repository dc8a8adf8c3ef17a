import { defineConfig } from '@playwright/test';

// e2e against the real local control plane (globalSetup starts or reuses it) and the production build of the
// console (webServer). Debian's Chromium only: browsers are never downloaded.

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // The shipped console (standalone bundle over HTTPS) has its own config: playwright.tls.config.ts.
  testIgnore: ['**/tls.spec.ts', '**/security.spec.ts', '**/*.tls.spec.ts'],
  globalSetup: './e2e/global-setup.ts',
  // One output folder per port: parallel runs on other ports must not wipe each other's traces.
  outputDir: `e2e/.artifacts/results-${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx next start -H 127.0.0.1 -p ${PORT}`,
    url: `${BASE_URL}/login`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: {
      NEXTAUTH_URL: BASE_URL,
      NEXTAUTH_SECRET: process.env.E2E_SESSION_SECRET ?? 'e2e-only-session-secret-0123456789abcdef',
      WHEELHOUSE_LOCAL_CLUSTER: '1',
    },
  },
});
