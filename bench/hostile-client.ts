import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import https from 'node:https';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { readClusterState } from '../cluster/state';

// The shipped console for the hostile-input bench: the standalone bundle (scripts/standalone.sh --no-start) run by
// `node server/https-server.mjs` on loopback, with bench/hostile-probe.mjs preloaded (event-loop stall, peak RSS
// over IPC); and a small HTTPS client for it (self-signed certificate: verification off, loopback only).

/** An environment variable of the console's container in deploy/deployment.yaml: the bench runs it as shipped. */
function deploymentEnv(root: string, name: string): string {
  const docs = parseAllDocuments(readFileSync(path.join(root, 'deploy/deployment.yaml'), 'utf8')).map((d) => d.toJS());
  const env = docs.flatMap((d) => d?.spec?.template?.spec?.containers ?? []).flatMap((c: { env?: { name: string; value?: string }[] }) => c.env ?? []);
  const value = env.find((e: { name: string; value?: string }) => e.name === name)?.value;
  if (!value) throw new Error(`deploy/deployment.yaml sets no ${name}`);
  return value;
}

export interface Sample { maxStallMs: number; p99StallMs: number; peakRssBytes: number; rssBytes: number }
export interface ShippedConsole { port: number; pid: number; alive(): boolean; sample(): Promise<Sample>; stop(): Promise<void> }

export const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true, maxSockets: 64 });

export interface Answer { status: number; ms: number; body: string; headers: Record<string, string | string[] | undefined> }

export function request(port: number, o: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string }): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = https.request({ host: '127.0.0.1', port, agent: o.localAddress ? undefined : agent, rejectUnauthorized: false, localAddress: o.localAddress, method: o.method ?? 'GET', path: o.path, headers: o.headers, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, body: '', headers: res.headers }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, ms: performance.now() - t0, body: e.message, headers: {} }));
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

const cookiesOf = (a: Answer) => ([a.headers['set-cookie'] ?? []].flat() as string[]).map((c) => c.split(';')[0]);

/** Signs in like next-auth's signIn(); returns the Cookie header and the console's CSRF token. */
export async function signIn(port: number, token: string, localAddress?: string): Promise<{ cookie: string; csrf: string; raw: (o: Parameters<typeof request>[1]) => Promise<Answer> }> {
  const csrf = await request(port, { path: '/api/auth/csrf', localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const origin = `https://127.0.0.1:${port}`;
  const res = await request(port, {
    method: 'POST', path: '/api/auth/callback/token', localAddress,
    headers: { Origin: origin, Cookie: cookiesOf(csrf).join('; '), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, csrfToken, callbackUrl: `${origin}/`, json: 'true' }).toString(),
  });
  const cookie = cookiesOf(res).filter((c) => /^(__Host-)?wh-session/.test(c)).join('; ');
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status} ${res.body.slice(0, 200)}`);
  const mine = JSON.parse((await request(port, { path: '/api/csrf', headers: { Cookie: cookie } })).body) as { token: string };
  const raw = (o: Parameters<typeof request>[1]) => request(port, { ...o, headers: { Cookie: cookie, Origin: origin, 'X-CSRF-Token': mine.token, ...o.headers } });
  return { cookie, csrf: mine.token, raw };
}

export async function startShipped(root: string, port: number, log: (s: string) => void): Promise<ShippedConsole> {
  const dir = `/tmp/wheelhouse-hostile-${port}`;
  const assembled = spawnSync('bash', [path.join(root, 'scripts/standalone.sh'), '--no-start', '--port', String(port), '--dir', dir], { cwd: root, encoding: 'utf8' });
  if (assembled.status !== 0) throw new Error(`scripts/standalone.sh failed: ${assembled.stderr}`);
  const { ports } = readClusterState();
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/tmp', NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port),
    WHEELHOUSE_LISTEN_HOST: '127.0.0.1', NEXTAUTH_URL: `https://127.0.0.1:${port}`, NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
    KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: String(ports.apiserver),
    WHEELHOUSE_INCLUSTER_CA_FILE: path.join(root, '.cluster/ca.crt'),
    NODE_OPTIONS: deploymentEnv(root, 'NODE_OPTIONS'),
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', path.join(root, 'bench/hostile-probe.mjs'), 'server/https-server.mjs'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the console exited: ${stderr}`);
    if ((await request(port, { path: '/healthz' })).status === 200) break;
    if (i > 240) throw new Error('the console did not start within 2 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`console: pid ${child.pid}, https://127.0.0.1:${port} (shipped bundle, ${dir})`);
  return {
    port,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    sample: () => new Promise((resolve) => {
      child.once('message', (m) => resolve(m as Sample));
      child.send('sample');
    }),
    stop: async () => {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
