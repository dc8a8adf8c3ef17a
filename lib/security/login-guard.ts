import 'server-only';
import type { NextRequest } from 'next/server';
import { originRefusal } from './origin';
import { checkRate, recordHit } from './rate-limit';
import { clientIp, insecureLoginRefusal } from './transport';

// Checks in front of next-auth's sign-in endpoint (app/api/auth/[...nextauth]/route.ts): HTTPS (or localhost),
// same origin, and at most WHEELHOUSE_LOGIN_RATE_LIMIT (10) failed sign-ins a minute per client IP. Successful
// sign-ins do not count, so a busy office behind one address is not locked out by its own users.

const WINDOW_MS = 60_000;
const BUCKET = 'login-failures';

export function loginLimit(): number {
  const n = Number(process.env.WHEELHOUSE_LOGIN_RATE_LIMIT ?? '10');
  return Number.isInteger(n) && n > 0 ? n : 10;
}

export interface LoginRefusal { status: number; message: string; retryAfterSeconds?: number }

export function loginRefusal(req: NextRequest): LoginRefusal | undefined {
  const insecure = insecureLoginRefusal(req.headers);
  if (insecure) return { status: 403, message: insecure };
  const origin = originRefusal(req.headers);
  if (origin) return { status: 403, message: origin };
  const ip = clientIp(req.headers);
  const d = checkRate(BUCKET, ip, loginLimit(), WINDOW_MS);
  if (d.allowed) return undefined;
  return {
    status: 429,
    message: `Too many failed sign-ins from ${ip}: at most ${loginLimit()} a minute. Try again in ${d.retryAfterSeconds} s.`,
    retryAfterSeconds: d.retryAfterSeconds,
  };
}

export function recordLoginFailure(req: NextRequest): void {
  recordHit(BUCKET, clientIp(req.headers));
}

/** The refusal in next-auth's own answer shape ({ url } with ?error=), which signIn() turns into `result.error`. */
export function refusalResponse(req: NextRequest, r: LoginRefusal): Response {
  const url = new URL('/login', req.nextUrl.origin);
  url.searchParams.set('error', r.message);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  if (r.retryAfterSeconds) headers['Retry-After'] = String(r.retryAfterSeconds);
  return new Response(JSON.stringify({ url: url.toString() }), { status: r.status, headers });
}
