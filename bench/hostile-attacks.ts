import https from 'node:https';
import tls from 'node:tls';
import { hostileCases } from '../e2e/bad-input-corpus';
import { request, type Answer } from './hostile-client';

// The attacks of `npm run bench:hostile`, each bounded in count (and, through the bench, in time). Each resolves
// with the answers it got: status and time to answer. Loopback only.

export interface AttackContext {
  port: number;
  /** Requests signed in as the viewer (no write rights anywhere), with Origin and CSRF headers. */
  viewer: (o: Parameters<typeof request>[1]) => Promise<Answer>;
  admin: (o: Parameters<typeof request>[1]) => Promise<Answer>;
}

export interface Attack {
  name: string;
  /** The statuses that count as handled (refused, or bounded). */
  expect: number[];
  run: (c: AttackContext) => Promise<{ status: number; ms: number }[]>;
}

const json = { 'Content-Type': 'application/json' };
const times = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

/** A chunked POST written 64 KiB at a time until the server answers (or `total` bytes went out). */
function chunked(port: number, path: string, total: number): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let answered = false;
    let sent = 0;
    const req = https.request({ host: '127.0.0.1', port, method: 'POST', path, headers: json, rejectUnauthorized: false }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 });
    });
    req.on('error', () => !answered && resolve({ status: 0, ms: performance.now() - t0 }));
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

/** TLS connections that send half a request and never finish it; resolves when the server closed them all. */
function slowHeaders(port: number, n: number): Promise<{ status: number; ms: number }[]> {
  return times(n, () => new Promise((resolve) => {
    const t0 = performance.now();
    const s = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => s.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
    s.on('error', () => undefined);
    s.on('data', () => undefined);
    // "status" 408 stands for "the server closed it" (Node may or may not write a 408 first).
    s.once('close', () => resolve({ status: 408, ms: performance.now() - t0 }));
  }));
}

let cases: ReturnType<typeof hostileCases> | undefined;
const corpus = (label: RegExp) => (cases ??= hostileCases()).find((c) => label.test(c.label))!;

function viewerCase(label: RegExp, n: number): Attack['run'] {
  return (ctx) => {
    const c = corpus(label);
    return times(n, () => ctx.viewer({ method: c.method, path: c.path, body: c.body, headers: { 'Content-Type': c.contentType ?? 'application/json' } }));
  };
}

/** Builds the corpus bodies (tens of MiB) before anything is measured. */
export function prepareAttacks(): void {
  corpus(/./);
}

const bigConfigMap = (prefix: string) => JSON.stringify({
  mode: 'preview',
  yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: hostile-diff, namespace: default}\ndata:\n  big: |\n${Array.from({ length: 30_000 }, (_, i) => `    ${prefix}${i}`).join('\n')}\n`,
});

export const ATTACKS: Attack[] = [
  { name: '3 × 250 MB chunked POST /api/auth/session, no session', expect: [413], run: (c) => times(3, () => chunked(c.port, '/api/auth/session', 250 * 1024 * 1024)) },
  { name: '20 × 100 KiB sign-in forms', expect: [413], run: (c) => times(20, () => request(c.port, { method: 'POST', path: '/api/auth/callback/token', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `https://127.0.0.1:${c.port}` }, body: `token=${'a'.repeat(100 * 1024)}` })) },
  { name: 'viewer: 4 × apply of 200,000 keys in one mapping', expect: [413], run: viewerCase(/200,000 keys/, 4) },
  { name: 'viewer: 4 × apply of 262,144 empty documents', expect: [413], run: viewerCase(/262,144 empty/, 4) },
  { name: 'viewer: 4 × apply nested 200,000 deep', expect: [422], run: viewerCase(/flow nesting 200,000/, 4) },
  { name: 'viewer: 4 × apply of 30 MiB', expect: [413], run: viewerCase(/apply, 30 MiB/, 4) },
  {
    name: 'admin: preview of a ConfigMap with 30,000 changed lines',
    expect: [200],
    run: async (c) => {
      await c.admin({ method: 'POST', path: '/api/apply', headers: json, body: bigConfigMap('a').replace('"preview"', '"apply"') });
      const r = await times(3, () => c.admin({ method: 'POST', path: '/api/apply', headers: json, body: bigConfigMap('b') }));
      await c.admin({ method: 'POST', path: '/api/apply', headers: json, body: bigConfigMap('a').replace('"preview"', '"delete"') });
      return r.map((a) => ({ ...a, status: a.status === 200 && a.body.includes('too large to diff') ? 200 : 500 }));
    },
  },
  {
    name: '50 parallel failed sign-ins from one address',
    expect: [401, 429],
    run: async (c) => times(50, async () => {
      const csrf = await request(c.port, { path: '/api/auth/csrf', localAddress: '127.0.0.9' });
      const cookie = ([csrf.headers['set-cookie'] ?? []].flat() as string[]).map((s) => s.split(';')[0]).join('; ');
      const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
      return request(c.port, { method: 'POST', path: '/api/auth/callback/token', localAddress: '127.0.0.9', headers: { Cookie: cookie, Origin: `https://127.0.0.1:${c.port}`, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: 'not a token', csrfToken, json: 'true' }).toString() });
    }),
  },
  { name: '200 connections that never finish their headers', expect: [408], run: (c) => slowHeaders(c.port, 200) },
  { name: 'admin: 10 × whole-deployment logs', expect: [200], run: (c) => times(10, () => c.admin({ path: '/api/k8s/deployments/default/nginx/logs' })) },
  { name: 'open redirect: /login?next=/%09/evil.example (signed in)', expect: [307], run: async (c) => [await c.admin({ path: '/login?next=%2F%09%2Fevil.example' })].map((a) => ({ ...a, status: a.headers.location === '/' ? a.status : 500 })) },
];
