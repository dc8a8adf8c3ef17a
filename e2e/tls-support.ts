import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';

// Helpers of the shipped-console suites (playwright.tls.config.ts): raw HTTP(S) requests with a chosen client
// address and Host header, sign-in through next-auth's endpoints, the servers' audit lines, and a TCP relay to the
// API server that a test can cut.

/** a, b: two HTTPS replicas sharing one secret; plain: Next's plain-HTTP server.js, which reaches the API server
 *  through the relay port (a TcpRelay the tests open and cut). E2E_TLS_PORTS="a,b,plain,relay" moves them. */
const [a, b, plain, relay] = (process.env.E2E_TLS_PORTS ?? '3105,3107,3108,3109').split(',').map(Number);
export const TLS_PORTS = { a, b, plain, relay } as const;
export const SESSION_SECRET = process.env.E2E_SESSION_SECRET ?? 'e2e-only-session-secret-0123456789abcdef';
export const TLS_LOG_DIR = path.join(__dirname, '.artifacts/tls');
export const origin = (port: number, scheme = 'https') => `${scheme}://127.0.0.1:${port}`;
/** The session cookie: `__Host-wh-session` over HTTPS, `wh-session` over plain HTTP (lib/auth/config.ts). */
export const isSessionCookie = (c: string) => /^(__Host-)?wh-session[=.]/.test(c);
export const TLS_SESSION_COOKIE = '__Host-wh-session';

export interface RawResponse { status: number; headers: http.IncomingHttpHeaders; body: string }

export interface RawRequest {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The client's own address: another loopback address is another client to the rate limit. */
  localAddress?: string;
  plain?: boolean;
}

export function raw(r: RawRequest): Promise<RawResponse> {
  const lib = r.plain ? http : https;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      { host: '127.0.0.1', port: r.port, method: r.method ?? 'GET', path: r.path, headers: r.headers, localAddress: r.localAddress, rejectUnauthorized: false, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

export function cookiesOf(res: RawResponse): string {
  return (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
}

/** One sign-in attempt the way next-auth's signIn() makes it (CSRF dance included); returns the answer. */
export async function rawSignIn(port: number, token: string, opts: { localAddress?: string; host?: string; plain?: boolean } = {}): Promise<RawResponse> {
  const host = opts.host ?? `127.0.0.1:${port}`;
  const scheme = opts.plain ? 'http' : 'https';
  const base = { port, localAddress: opts.localAddress, plain: opts.plain };
  const csrf = await raw({ ...base, path: '/api/auth/csrf', headers: { Host: host } });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ token, csrfToken, callbackUrl: `${scheme}://${host}/`, json: 'true' }).toString();
  return raw({
    ...base,
    method: 'POST',
    path: '/api/auth/callback/token',
    headers: { Host: host, Origin: `${scheme}://${host}`, Cookie: cookiesOf(csrf), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
  });
}

/** A signed-in session for raw requests: its Cookie header and its CSRF token. */
export async function rawSession(port: number, token: string): Promise<{ cookie: string; csrf: string }> {
  const res = await rawSignIn(port, token);
  const cookie = cookiesOf(res).split('; ').filter(isSessionCookie).join('; ');
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status} ${res.body}`);
  const csrf = await raw({ port, path: '/api/csrf', headers: { Cookie: cookie } });
  return { cookie, csrf: (JSON.parse(csrf.body) as { token: string }).token };
}

/** The `error` next-auth's signIn() would show for an answer, if any. */
export function signInError(res: RawResponse): string | null {
  try {
    return new URL((JSON.parse(res.body) as { url: string }).url).searchParams.get('error');
  } catch {
    return null;
  }
}

/** Signs an API request context in (its cookie jar keeps the session) and returns its CSRF token. */
export async function apiSignIn(request: APIRequestContext, port: number, token: string): Promise<string> {
  const base = origin(port);
  const { csrfToken } = (await (await request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await request.post(`${base}/api/auth/callback/token`, {
    form: { token, csrfToken, callbackUrl: `${base}/`, json: 'true' },
    headers: { Origin: base },
  });
  if (res.status() !== 200) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
  return ((await (await request.get(`${base}/api/csrf`)).json()) as { token: string }).token;
}

/** Headers a state-changing request from the console's own page carries. */
export { mutationHeaders as pageMutationHeaders } from './pages/console-page';

export interface AuditLine {
  type: 'audit'; requestId: string; user: string | null; action: string; kind: string | null; namespace: string | null;
  name: string | null; dryRun: boolean | null; result: { status: number; reason: string }; clientIp: string; method: string; path: string;
}

export function serverLog(port: number): string {
  return readFileSync(path.join(TLS_LOG_DIR, `${port}.log`), 'utf8');
}

export function auditLines(port: number): AuditLine[] {
  return serverLog(port).split('\n').filter((l) => l.startsWith('{') && l.includes('"type":"audit"')).map((l) => JSON.parse(l) as AuditLine);
}

/** A TCP relay 127.0.0.1:listenPort → 127.0.0.1:targetPort that can be cut (refused, open sockets reset) and restored. */
export class TcpRelay {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  constructor(private readonly listenPort: number, private readonly targetPort: number) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => { client.destroy(); upstream.destroy(); });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => this.server!.once('error', reject).listen(this.listenPort, '127.0.0.1', resolve));
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
