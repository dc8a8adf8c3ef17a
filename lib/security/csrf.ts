import 'server-only';
import crypto from 'node:crypto';
import { sessionSecret } from '@/lib/auth/config';

// The CSRF token of a session: an HMAC of the session's id under the session secret. Stateless, so every replica
// that shares the secret accepts it; it changes with every sign-in and is useless once the session is gone.

export const CSRF_HEADER = 'x-csrf-token';

export function csrfToken(sessionId: string): string {
  return crypto.createHmac('sha256', sessionSecret()).update(`wheelhouse-csrf:${sessionId}`).digest('base64url');
}

export function csrfTokenMatches(sessionId: string, presented: string | null): boolean {
  if (!presented || presented.length > 128) return false;
  const expected = Buffer.from(csrfToken(sessionId));
  const given = Buffer.from(presented);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
