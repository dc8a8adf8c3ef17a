import 'server-only';
import { createHash } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { ApiError } from '@/lib/k8s/errors';
import { readCappedText } from './body-limit';
import { originRefusal } from './origin';
import { takeSlot, type Limit } from './rate-limit';
import { clientIp, insecureLoginRefusal } from './transport';

// Checks in front of next-auth's sign-in endpoint (app/api/auth/[...nextauth]/route.ts): HTTPS (or localhost),
// same origin, a small body, and limits on failed sign-ins a minute:
//   - per client address (WHEELHOUSE_LOGIN_RATE_LIMIT, 10) — the address from server/https-server.mjs, or the last
//     X-Forwarded-For hop that is not a trusted proxy (lib/security/transport.ts);
//   - per token (its SHA-256, never the token): survives SNAT, where every client of a node shares one address;
//   - for the whole replica (WHEELHOUSE_LOGIN_GLOBAL_LIMIT, 300): a ceiling on what the API server is asked.
// Each attempt takes its slot BEFORE it runs (parallel attempts cannot all pass); a successful sign-in gives its
// slot back, so a busy office behind one address is not locked out by its own users.

const WINDOW_MS = 60_000;
/** A token, next-auth's CSRF token and a callback URL, form-encoded. */
export const MAX_SIGN_IN_BYTES = 8 * 1024;

function envLimit(name: string, fallback: number): number {
  const n = Number(process.env[name] ?? String(fallback));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export const loginLimit = () => envLimit('WHEELHOUSE_LOGIN_RATE_LIMIT', 10);
export const globalLoginLimit = () => envLimit('WHEELHOUSE_LOGIN_GLOBAL_LIMIT', 300);

export interface LoginRefusal { status: number; message: string; retryAfterSeconds?: number }

/** Refusals that need no body: transport and origin. */
export function loginRefusal(req: NextRequest): LoginRefusal | undefined {
  const insecure = insecureLoginRefusal(req.headers);
  if (insecure) return { status: 403, message: insecure };
  const origin = originRefusal(req.headers);
  if (origin) return { status: 403, message: origin };
  return undefined;
}

function limitsFor(ip: string, tokenHash: string): Limit[] {
  return [
    { name: 'login-address', key: ip, limit: loginLimit(), windowMs: WINDOW_MS },
    { name: 'login-token', key: tokenHash, limit: loginLimit(), windowMs: WINDOW_MS },
    { name: 'login-global', key: '*', limit: globalLoginLimit(), windowMs: WINDOW_MS },
  ];
}

function tooMany(limit: Limit, ip: string, retryAfterSeconds: number): LoginRefusal {
  const who = limit.name === 'login-address' ? `from ${ip}` : limit.name === 'login-token' ? 'with this token' : 'on this console';
  const most = limit.name === 'login-global' ? globalLoginLimit() : loginLimit();
  return { status: 429, message: `Too many failed sign-ins ${who}: at most ${most} a minute. Try again in ${retryAfterSeconds} s.`, retryAfterSeconds };
}

/** Admits one sign-in attempt (taking its slots now) or says why not; `settle(true)` gives the slots back. */
export async function admitLogin(req: NextRequest): Promise<{ refusal: LoginRefusal } | { settle: (succeeded: boolean) => void }> {
  const refusal = loginRefusal(req);
  if (refusal) return { refusal };
  let form: URLSearchParams;
  try {
    // A clone: next-auth reads the original body afterwards.
    form = new URLSearchParams(await readCappedText(req.clone(), MAX_SIGN_IN_BYTES));
  } catch (e) {
    return { refusal: { status: e instanceof ApiError ? e.body.status : 400, message: e instanceof ApiError ? e.body.message : 'unreadable sign-in request' } };
  }
  const ip = clientIp(req.headers);
  const tokenHash = createHash('sha256').update((form.get('token') ?? '').trim()).digest('base64url');
  const slot = takeSlot(limitsFor(ip, tokenHash));
  if (!slot.allowed) return { refusal: tooMany(slot.limit, ip, slot.retryAfterSeconds) };
  return { settle: (succeeded) => succeeded && slot.release() };
}

/** The refusal in next-auth's own answer shape ({ url } with ?error=), which signIn() turns into `result.error`. */
export function refusalResponse(req: NextRequest, r: LoginRefusal): Response {
  const url = new URL('/login', req.nextUrl.origin);
  url.searchParams.set('error', r.message);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  if (r.retryAfterSeconds) headers['Retry-After'] = String(r.retryAfterSeconds);
  return new Response(JSON.stringify({ url: url.toString() }), { status: r.status, headers });
}
