import { defineConfig } from '@playwright/test';

// e2e against the real local control plane (globalSetup starts or reuses it) and the production build of the
// console (webServer), served by the console's own server (server/https-server.mjs) over plain HTTP on loopback,
// as `npm run demo` runs it: it also serves the exec WebSocket, which `next start` cannot. Debian's Chromium only:
// browsers are never downloaded.

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // The shipped console (standalone bundle over HTTPS) has its own config: playwright.tls.config.ts.
  // tls.spec.ts and security.spec.ts need the servers of playwright.tls.config.ts, which is the only config that
  // runs them (no environment switch that could silently skip them).
  // screenshots.spec.ts rewrites docs/screenshots/ (tracked): it runs only through `npm run screenshots`.
  testIgnore: ['**/tls.spec.ts', '**/security.spec.ts', '**/screenshots.spec.ts', '**/exec-tls.spec.ts', '**/*.tls.spec.ts'],
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
    // Its output (the audit lines) goes to a file the exec specs read.
    command: `mkdir -p e2e/.artifacts && exec node server/https-server.mjs > e2e/.artifacts/console-${PORT}.log 2>&1`,
    url: `${BASE_URL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      NEXTAUTH_URL: BASE_URL,
      NEXTAUTH_SECRET: process.env.E2E_SESSION_SECRET ?? 'e2e-only-session-secret-0123456789abcdef',
      WHEELHOUSE_LOCAL_CLUSTER: '1',
      WHEELHOUSE_HTTP: '1',
      WHEELHOUSE_LISTEN_HOST: '127.0.0.1',
      PORT: String(PORT),
      // Short enough for e2e/exec.spec.ts to see a shell closed for idleness (the default is 15 minutes).
      WHEELHOUSE_EXEC_IDLE_SECONDS: '30',
    },
  },
});
