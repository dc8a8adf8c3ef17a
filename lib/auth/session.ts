import 'server-only';
import { createHash } from 'node:crypto';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { sessionCookieName, sessionSecret } from './config';

// Reads the signed-in user straight from the encrypted session cookie. Every layout, page and route handler calls
// this itself; nothing relies on middleware having run.

export interface UserSession {
  username: string;
  groups: string[];
  expiresAt: number;
  bearer: string;
  /** Stable for the whole session, different for every sign-in; never the token. */
  sid: string;
}
export type SessionState = { state: 'active'; session: UserSession } | { state: 'expired' } | { state: 'none' };

/** What a session is read from: Next's cookie store, or the Cookie header of an upgrade request (lib/exec). */
export interface CookieSource {
  get(name: string): { value: string } | undefined;
  getAll(): { name: string; value: string }[];
}

function sessionCookieValue(jar: CookieSource): string | undefined {
  const name = sessionCookieName();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  // next-auth splits a large cookie into NAME.0, NAME.1, …
  const chunks = jar.getAll().filter((c) => c.name.startsWith(`${name}.`));
  if (!chunks.length) return undefined;
  chunks.sort((a, b) => Number(a.name.split('.').pop()) - Number(b.name.split('.').pop()));
  return chunks.map((c) => c.value).join('');
}

export async function readSession(): Promise<SessionState> {
  return sessionFromCookies(await cookies());
}

/** The same check outside a Next request (the exec upgrade in the console's own server). */
export async function sessionFromCookies(jar: CookieSource): Promise<SessionState> {
  const raw = sessionCookieValue(jar);
  if (!raw) return { state: 'none' };
  let jwt;
  try {
    jwt = await decode({ token: raw, secret: sessionSecret() });
  } catch {
    return { state: 'none' };
  }
  if (!jwt?.bearer || !jwt.username || typeof jwt.expiresAt !== 'number') return { state: 'none' };
  if (jwt.expiresAt <= Date.now()) return { state: 'expired' };
  // Sessions signed in before the sid claim existed get one derived from what they carry.
  const sid = typeof jwt.sid === 'string' && jwt.sid ? jwt.sid : createHash('sha256').update(`${jwt.bearer}|${jwt.expiresAt}`).digest('base64url').slice(0, 32);
  return { state: 'active', session: { username: jwt.username, groups: jwt.groups ?? [], expiresAt: jwt.expiresAt, bearer: jwt.bearer, sid } };
}
