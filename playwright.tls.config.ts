import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { SESSION_SECRET, TLS_LOG_DIR, TLS_PORTS } from './e2e/tls-support';

// The console as it ships: the standalone bundle the image carries (scripts/standalone.sh replays the Dockerfile's
// COPY lines into a clean folder and runs it unprivileged and read-only), served over HTTPS by
// server/https-server.mjs, in in-cluster mode against the local control plane. Run after `npx next build`:
//   npx playwright test -c playwright.tls.config.ts
// Servers: 3105 and 3107 are two HTTPS replicas sharing one session secret; 3108 is Next's plain-HTTP server.js of
// the same bundle (the plain-HTTP login rule), reaching the API server through a TCP relay on 3109 that the tests
// open, cut and restore (the cluster-unreachable banner).

function apiServerPort(): string {
  try {
    const state = JSON.parse(readFileSync(path.join(__dirname, '.cluster/cluster.json'), 'utf8')) as { ports?: { apiserver?: number } };
    return String(state.ports?.apiserver ?? 6443);
  } catch {
    return '6443'; // the cluster is started by the time the servers get their first request
  }
}

function server(port: number, opts: { http?: boolean; apiPort?: string } = {}) {
  const scheme = opts.http ? 'http' : 'https';
  return {
    command: `mkdir -p ${TLS_LOG_DIR} && exec bash scripts/standalone.sh --port ${port}${opts.http ? ' --http' : ''} > ${TLS_LOG_DIR}/${port}.log 2>&1`,
    url: `${scheme}://127.0.0.1:${port}/healthz`,
    ignoreHTTPSErrors: true,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      NEXTAUTH_URL: `${scheme}://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: SESSION_SECRET,
      KUBERNETES_SERVICE_HOST: '127.0.0.1',
      KUBERNETES_SERVICE_PORT: opts.apiPort ?? apiServerPort(),
      WHEELHOUSE_INCLUSTER_CA_FILE: '.cluster/ca.crt',
      // e2e/exec-tls.spec.ts waits for an idle shell to be closed (the default is 15 minutes).
      WHEELHOUSE_EXEC_IDLE_SECONDS: '30',
    },
  };
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: ['tls.spec.ts', 'security.spec.ts', 'exec-tls.spec.ts', '*.tls.spec.ts'],
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'e2e/.artifacts/results-tls',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  projects: [{ name: 'tls' }],
  use: {
    baseURL: `https://127.0.0.1:${TLS_PORTS.a}`,
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // A non-localhost name for the plain-HTTP login test, resolved to loopback: no traffic leaves the machine.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--host-resolver-rules=MAP wheelhouse.example.test 127.0.0.1'],
    },
  },
  webServer: [
    server(TLS_PORTS.a),
    server(TLS_PORTS.b),
    server(TLS_PORTS.plain, { http: true, apiPort: String(TLS_PORTS.relay) }),
  ],
});
