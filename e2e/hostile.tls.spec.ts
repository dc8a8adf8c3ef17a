import https from 'node:https';
import tls from 'node:tls';
import type { IncomingMessage } from 'node:http';
import { readToken } from '../cluster/state';
import { hostileCases, type HostileCase } from './bad-input-corpus';
import { expect, test } from './fixtures';
import { kubectl } from './kubectl';
import { LoginPage } from './pages/login-page';
import { cookiesOf, isSessionCookie, origin, raw, rawSession, TLS_PORTS } from './tls-support';

// Hostile input against the shipped console (playwright.tls.config.ts): every vector of the corpus's hostile block
// gets its exact status; /healthz answers while the slow ones are in flight; parallel sign-ins cannot outrun the
// limit; `next` cannot leave the console; sign-out from one tab ends another tab's live list and followed log
// (seen on the server: the response bodies end); 404 pages sit in the console shell without CSP violations.

const PORT = TLS_PORTS.a;
const ORIGIN = origin(PORT);

/** A request whose body is written in 64 KiB chunks (chunked encoding) until the server answers or `total` is sent. */
function streamBody(path: string, total: number, headers: Record<string, string> = {}): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = https.request({ host: '127.0.0.1', port: PORT, method: 'POST', path, headers: { 'Content-Type': 'application/json', ...headers }, rejectUnauthorized: false });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const write = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();
  });
}

/** Opens a streaming GET and resolves once its first bytes arrived; `ended` settles when the body ends. */
function openStream(path: string, cookie: string): Promise<{ res: IncomingMessage; first: string; ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: '127.0.0.1', port: PORT, path, headers: { Cookie: cookie, Accept: '*/*' }, rejectUnauthorized: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`${path}: ${res.statusCode}`));
      const ended = new Promise<void>((done) => {
        res.on('end', done);
        res.on('close', done);
        res.on('error', () => done());
      });
      res.once('data', (c: Buffer) => resolve({ res, first: c.toString('utf8'), ended }));
    });
    req.on('error', reject);
  });
}

async function send(c: HostileCase, viewer: { cookie: string; csrf: string }) {
  const headers: Record<string, string> = { Origin: ORIGIN, ...(c.contentType ? { 'Content-Type': c.contentType } : {}) };
  if (c.session === 'viewer') Object.assign(headers, { Cookie: viewer.cookie, 'X-CSRF-Token': viewer.csrf });
  return raw({ port: PORT, method: c.method, path: c.path, headers, body: c.body });
}

test.describe.serial('hostile input', () => {
  let viewer: { cookie: string; csrf: string };

  test.beforeAll(async () => {
    viewer = await rawSession(PORT, readToken('viewer'));
  });

  test('every hostile vector gets its status, and nothing is created', async () => {
    test.setTimeout(180_000);
    const wrong: string[] = [];
    for (const c of hostileCases()) {
      const res = await send(c, viewer);
      if (res.status !== c.status) wrong.push(`${c.label}: ${res.status} ${res.body.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    expect(kubectl('get', 'configmaps', '-A', '-o', 'name').split('\n').filter((n) => n.includes('hostile-'))).toEqual([]);
  });

  test('/healthz answers while a 300 MB chunked body and O(n²)-shaped YAML are in flight', async () => {
    test.setTimeout(120_000);
    const slow = hostileCases().filter((c) => /200,000 keys|nesting 200,000/.test(c.label));
    const bodyVector = streamBody('/api/auth/session', 300 * 1024 * 1024);
    const yamlVectors = Promise.all(slow.map((c) => send(c, viewer)));
    const health: number[] = [];
    for (let i = 0; i < 10; i++) health.push((await raw({ port: PORT, path: '/healthz' })).status);
    const [body, [keys, depth]] = await Promise.all([bodyVector, yamlVectors]);
    expect(health).toEqual(Array(10).fill(200));
    expect(body.status).toBe(413);
    expect(body.sent).not.toBeGreaterThanOrEqual(300 * 1024 * 1024);
    expect([keys.status, depth.status]).toEqual([413, 422]);
  });

  test('a client that never finishes its headers is disconnected by the server', async () => {
    test.setTimeout(60_000);
    const socket = tls.connect({ host: '127.0.0.1', port: PORT, rejectUnauthorized: false });
    await new Promise<void>((r) => socket.once('secureConnect', () => r()));
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    let closed = false;
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.once('close', () => (closed = true));
    // headersTimeout is 10 s, checked every 2 s (server/request-limits.mjs); the bound here is generous.
    await expect.poll(() => closed, { timeout: 45_000 }).toBe(true);
  });

  test('parallel sign-in attempts from one address are counted before they run', async () => {
    const client = '127.0.0.4';
    const attempts = await Promise.all(Array.from({ length: 25 }, async () => {
      const csrf = await raw({ port: PORT, path: '/api/auth/csrf', localAddress: client });
      const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
      return raw({
        port: PORT, method: 'POST', path: '/api/auth/callback/token', localAddress: client,
        headers: { Origin: ORIGIN, Cookie: cookiesOf(csrf), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: 'not a token', csrfToken, json: 'true' }).toString(),
      });
    }));
    const statuses = attempts.map((a) => a.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  test('`next` after sign-in cannot leave the console', async ({ page }) => {
    const admin = await rawSession(PORT, readToken('admin-user'));
    for (const next of ['/%09/evil.example', '//evil.example', '/%5Cevil.example', 'https://evil.example/', '/\\evil.example']) {
      const res = await raw({ port: PORT, path: `/login?next=${encodeURIComponent(decodeURIComponent(next))}`, headers: { Cookie: admin.cookie } });
      expect(res.status, next).toBe(307);
      expect(res.headers.location, next).toBe('/');
    }
    // And in a browser, through the sign-in form.
    const login = new LoginPage(page);
    await login.goto('?next=/%09/evil.example');
    await login.submit(readToken('viewer'));
    await expect(page.getByTestId('username')).toBeVisible();
    expect(new URL(page.url()).origin).toBe(ORIGIN);
  });

  test('sign-out in one tab ends the live list and the followed log of another, once next-auth accepted it', async () => {
    test.setTimeout(120_000);
    const admin = await rawSession(PORT, readToken('admin-user'));
    const mutation = { Cookie: admin.cookie, Origin: ORIGIN, 'X-CSRF-Token': admin.csrf, 'Content-Type': 'application/json' };
    // The other tab: its live connection with a live list and a followed log on it, and a followed log of its own.
    const live = await openStream('/api/live', admin.cookie);
    const conn = /"conn":"([^"]+)"/.exec(live.first)?.[1];
    expect(conn).toBeTruthy();
    const subscribe = await raw({ port: PORT, method: 'POST', path: '/api/live', headers: mutation, body: JSON.stringify({ conn, subscribe: [
      { id: 'tab1.1', spec: { type: 'list', kind: 'pods', namespace: 'default' } },
      { id: 'tab1.2', spec: { type: 'logs', kind: 'pods', namespace: 'default', name: 'web-site', container: 'nginx' } },
    ] }) });
    expect(subscribe.status, subscribe.body).toBe(200);
    const log = await openStream('/api/k8s/pods/default/web-site/logs?container=nginx&follow=1', admin.cookie);
    const stats = async () => (JSON.parse((await raw({ port: PORT, path: '/api/live?stats=1', headers: { Cookie: admin.cookie } })).body) as { session: { connections: number; subscriptions: number } }).session;
    await expect.poll(stats, { timeout: 30_000 }).toEqual({ connections: 1, subscriptions: 2 });
    const state = { liveEnded: false, logEnded: false };
    void live.ended.then(() => (state.liveEnded = true));
    void log.ended.then(() => (state.logEnded = true));
    // next-auth's CSRF token and cookie, as the signing-out tab's signOut() fetches them.
    const csrf = await raw({ port: PORT, path: '/api/auth/csrf', headers: { Cookie: admin.cookie } });
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const cookie = `${admin.cookie}; ${cookiesOf(csrf)}`;
    const signOut = (headers: Record<string, string>, token: string) => raw({
      port: PORT, method: 'POST', path: '/api/auth/signout',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ csrfToken: token, callbackUrl: `${ORIGIN}/login`, json: 'true' }).toString(),
    });
    // Refused sign-outs change nothing: no Origin (403), or a forged next-auth CSRF token.
    expect((await signOut({}, csrfToken)).status).toBe(403);
    const forged = await signOut({ Origin: ORIGIN }, 'forged');
    expect(forged.headers['set-cookie']?.some((c) => isSessionCookie(c) && /max-age=0/i.test(c)) ?? false).toBe(false);
    expect(await stats()).toEqual({ connections: 1, subscriptions: 2 });
    expect(state).toEqual({ liveEnded: false, logEnded: false });
    // The real one ends them on the server: the response bodies end, and the server counts none for the session
    // (asked with a copy of the old cookie, which stays decodable until it expires).
    const accepted = await signOut({ Origin: ORIGIN }, csrfToken);
    expect(accepted.status).toBe(200);
    await expect.poll(() => state, { timeout: 30_000 }).toEqual({ liveEnded: true, logEnded: true });
    expect(await stats()).toEqual({ connections: 0, subscriptions: 0 });
  });

  test('404 pages sit in the console shell, with no CSP violation or script error', async ({ page, signInAs }) => {
    const errors: string[] = [];
    // CSP violations and script errors; not the browser's own "Failed to load resource" lines (the page IS a 404,
    // and the viewer's shell meets 403s on what it may not list).
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await signInAs('viewer');
    for (const path of ['/nodes/anything', '/no/such/route/here', '/podz']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByTestId('page-message'), path).toContainText(/not found/i);
      await expect(page.getByTestId('username'), path).toBeVisible();
    }
    expect(errors).toEqual([]);
  });
});
