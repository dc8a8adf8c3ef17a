import 'server-only';
import type { IncomingMessage } from 'node:http';
import { sessionFromCookies, type CookieSource, type UserSession } from '@/lib/auth/session';
import { csrfTokenMatches } from '@/lib/security/csrf';
import { originRefusal } from '@/lib/security/origin';
import { parseExecQuery, type Parsed } from './request';

// The checks of an exec upgrade that need no API server: a live session cookie, the console's own Origin (a page
// on another site can open a WebSocket to us with the user's cookies — the Lens CVE — but cannot claim our origin),
// the session's CSRF token, and a well-formed target. Every refusal happens here, before the cluster is asked
// anything; lib/exec/upgrade.ts answers it with a plain HTTP status on the socket.

export interface Refusal { status: number; reason: string; message: string }
export type Guarded = { ok: true; session: UserSession; request: Extract<Parsed, { ok: true }> } | { ok: false; refusal: Refusal; user?: string };

/** The Cookie header as the cookie store lib/auth/session.ts reads. */
export function cookieSource(header: string | undefined): CookieSource {
  const all: { name: string; value: string }[] = [];
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) all.push({ name: part.slice(0, i).trim(), value: part.slice(i + 1).trim() });
  }
  return { get: (name) => all.find((c) => c.name === name), getAll: () => all };
}

export function headerSource(req: IncomingMessage): Pick<Headers, 'get'> {
  return {
    get: (name: string) => {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(', ') : (v ?? null);
    },
  };
}

export async function guardUpgrade(req: IncomingMessage): Promise<Guarded> {
  const s = await sessionFromCookies(cookieSource(req.headers.cookie));
  if (s.state === 'expired') return { ok: false, refusal: { status: 401, reason: 'SessionExpired', message: 'Your session has expired. Sign in again.' } };
  if (s.state !== 'active') return { ok: false, refusal: { status: 401, reason: 'Unauthorized', message: 'Sign in first.' } };
  const user = s.session.username;
  // An upgrade always names its Origin (browsers send it on every WebSocket); a missing one is refused too.
  const origin = originRefusal(headerSource(req));
  if (origin || !req.headers.origin) return { ok: false, user, refusal: { status: 403, reason: 'Forbidden', message: origin ?? 'The request names no Origin.' } };
  const url = new URL(req.url ?? '/', 'http://console.invalid');
  const request = parseExecQuery(url.searchParams);
  if (!request.ok) return { ok: false, user, refusal: { status: 400, reason: 'BadRequest', message: request.message } };
  if (!csrfTokenMatches(s.session.sid, request.csrf)) {
    return { ok: false, user, refusal: { status: 403, reason: 'InvalidCSRFToken', message: 'The CSRF token is missing or stale: reload the page and try again.' } };
  }
  return { ok: true, session: s.session, request };
}
