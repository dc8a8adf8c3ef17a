import 'server-only';

// Session settings from the environment, read in one place.

const HOUR = 3_600_000;

/**
 * The session cookie's name. Over HTTPS it carries the `__Host-` prefix: the browser then accepts it only with
 * Secure, Path=/ and no Domain, so a page on a sibling host or path cannot plant (toss) a session cookie. It does
 * NOT separate ports: every HTTPS service on the same host name receives it (docs/deploy.md).
 */
export function sessionCookieName(): string {
  return secureCookies() ? '__Host-wh-session' : 'wh-session';
}

export function sessionSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.WHEELHOUSE_SESSION_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error('NEXTAUTH_SECRET must be set to a random string of at least 32 characters (the session encryption key)');
  }
  return secret;
}

/** The longest a session may last whatever the token's own expiry (WHEELHOUSE_SESSION_MAX_HOURS, default 8). */
export function sessionMaxMs(): number {
  const hours = Number(process.env.WHEELHOUSE_SESSION_MAX_HOURS ?? '8');
  return Number.isFinite(hours) && hours > 0 ? hours * HOUR : 8 * HOUR;
}

/** Secure cookies whenever the console is reached over https (served by server/https-server.mjs, or behind a proxy). */
export function secureCookies(): boolean {
  return (
    (process.env.NEXTAUTH_URL ?? '').startsWith('https://') ||
    process.env.WHEELHOUSE_SECURE_COOKIES === '1' ||
    process.env.WHEELHOUSE_HTTPS === '1'
  );
}
