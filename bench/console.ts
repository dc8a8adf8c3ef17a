import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { CONTROL_SUB, MuxParser, type Control, type ListSpec } from '../lib/k8s/watch/mux-wire';
import { SseParser, type SnapshotData } from '../lib/k8s/watch/wire';
import { sleep } from './kube';

// The console under test: a production build started by the bench on its own port, signed-in sessions, and a
// byte-counting client of the live connection.

export interface Console { url: string; pid: number; stop(): Promise<void> }

const nextBin = (root: string) => path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

export function build(root: string, log: (s: string) => void): void {
  log('building the console (next build)…');
  const r = spawnSync(process.execPath, [nextBin(root), 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`next build failed:\n${(r.stdout + r.stderr).split('\n').slice(-40).join('\n')}`);
}

export function hasBuild(root: string): boolean {
  return existsSync(path.join(root, '.next', 'BUILD_ID'));
}

export async function startConsole(root: string, port: number): Promise<Console> {
  const url = `http://127.0.0.1:${port}`;
  // The console's own server, as `npm run demo` runs it (plain HTTP on loopback): the bench measures the shipped code.
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'server', 'https-server.mjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env, NODE_ENV: 'production', NEXTAUTH_URL: url, NEXTAUTH_SECRET: randomBytes(32).toString('hex'), WHEELHOUSE_LOCAL_CLUSTER: '1',
      WHEELHOUSE_HTTP: '1', WHEELHOUSE_LISTEN_HOST: '127.0.0.1', PORT: String(port),
    },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`the console server exited: ${stderr}`);
    const ok = await fetch(`${url}/login`).then((r) => r.ok, () => false);
    if (ok) break;
    await sleep(500);
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(100);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Signs in through next-auth's credentials flow; returns the Cookie header of the session. */
export async function signIn(url: string, token: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (r: Response) => r.headers.getSetCookie().forEach((c) => { const [kv] = c.split(';'); const i = kv.indexOf('='); jar.set(kv.slice(0, i), kv.slice(i + 1)); });
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${url}/api/auth/callback/token`, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie(), Origin: url },
    body: new URLSearchParams({ csrfToken, token, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => /^(__Host-)?wh-session/.test(k))) throw new Error(`sign-in failed: ${res.status}`);
  return cookie();
}

/** Resident memory of a process and its descendants, in bytes. */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone
    }
  }
  let total = 0;
  const walk = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      total += m ? Number(m[1]) * 1024 : 0;
    } catch {
      // gone
    }
    (children.get(p) ?? []).forEach(walk);
  };
  walk(pid);
  return total;
}

export interface StreamStats { wireBytes: number; textBytes: number; rows: number; firstRowsMs: number; syncedMs: number; close(): void }

/**
 * Opens the browser's live connection like the console does (GET /api/live, gzip accepted), subscribes one list
 * (POST /api/live with the session's CSRF token) and resolves once its listing is complete.
 */
export async function openStream(url: string, cookie: string, spec: Omit<ListSpec, 'type'>): Promise<StreamStats> {
  const csrf = ((await (await fetch(`${url}/api/csrf`, { headers: { Cookie: cookie } })).json()) as { token: string }).token;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const stats: StreamStats = { wireBytes: 0, textBytes: 0, rows: 0, firstRowsMs: 0, syncedMs: 0, close: () => req.destroy() };
    const subscribe = (conn: string) => fetch(`${url}/api/live`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: url, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: JSON.stringify({ conn, subscribe: [{ id: 'bench.1', spec: { type: 'list', ...spec } }] }),
    }).then((r) => (r.ok ? undefined : reject(new Error(`subscribe answered ${r.status}`))), reject);
    const req = http.get(`${url}/api/live`, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`live connection answered ${res.statusCode}`));
      res.on('data', (c: Buffer) => (stats.wireBytes += c.length));
      const body = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
      const frames = new MuxParser();
      const sse = new SseParser();
      const text = new TextDecoder();
      body.on('data', (c: Buffer) => {
        for (const f of frames.push(new Uint8Array(c))) {
          if (f.sub === CONTROL_SUB) {
            const control = JSON.parse(text.decode(f.payload)) as Control;
            if (control.t === 'hello') void subscribe(control.conn);
            continue;
          }
          stats.textBytes += f.payload.byteLength;
          for (const e of sse.push(text.decode(f.payload))) {
            if (e.event === 'error') reject(new Error(e.data));
            if (e.event !== 'snapshot') continue;
            const d = JSON.parse(e.data) as SnapshotData;
            stats.rows += d.rows.length;
            if (!stats.firstRowsMs && d.rows.length) stats.firstRowsMs = performance.now() - t0;
            if (d.done) {
              stats.syncedMs = performance.now() - t0;
              resolve(stats);
            }
          }
        }
      });
      body.on('error', () => {});
    });
    req.on('error', reject);
  });
}

export interface SessionsRss { baseline: number; peak: number; steady: number; peakAfter: number; steadyAfter: number; syncedMs: number[] }

/**
 * Step 7 for any kind: the console's RSS (bytes) while `sessions` sign-ins each watch every object of `kind` — idle
 * before, peak while they list, steady 10 s later — then, if given, while `after` runs with their cookies.
 */
export async function rssWithSessions(app: Console, token: string, kind: string, sessions: number, after?: (cookies: string[]) => Promise<unknown>): Promise<SessionsRss> {
  await openStream(app.url, await signIn(app.url, token), { kind, namespace: 'default' }).then((s) => s.close());
  await sleep(2000);
  const baseline = treeRss(app.pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(app.pid))), 200);
  try {
    const cookies = await Promise.all(Array.from({ length: sessions }, () => signIn(app.url, token)));
    const streams = await Promise.all(cookies.map((c) => openStream(app.url, c, { kind })));
    await sleep(10_000);
    const steady = treeRss(app.pid);
    const peakListing = peak;
    await after?.(cookies);
    streams.forEach((s) => s.close());
    return { baseline, peak: peakListing, steady, peakAfter: peak, steadyAfter: treeRss(app.pid), syncedMs: streams.map((s) => s.syncedMs) };
  } finally {
    clearInterval(sampler);
  }
}
