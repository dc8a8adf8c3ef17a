import 'server-only';

// What the console knows about the connection a request came in on. Behind server/https-server.mjs the
// X-Forwarded-* headers are rewritten from the socket itself (unless WHEELHOUSE_TRUST_PROXY=1), so they can be
// believed; under plain `next start` (development, the e2e suite) the transport is plain HTTP.

export type HeaderSource = Pick<Headers, 'get'>;

/** Whether this process serves HTTPS itself (set by server/https-server.mjs at start). */
export function servingTls(): boolean {
  return process.env.WHEELHOUSE_HTTPS === '1';
}

/** The client's address as the server saw it; the first X-Forwarded-For hop. Clipped: it lands in logs. */
export function clientIp(headers: HeaderSource): string {
  const first = (headers.get('x-forwarded-for') ?? '').split(',')[0].trim();
  return first && /^[0-9A-Fa-f:.[\]%a-z]{1,64}$/.test(first) ? first.replace(/^::ffff:/, '') : 'unknown';
}

/** The host name of a Host header value (no port, no IPv6 brackets), lower-cased. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  return h.replace(/:\d*$/, '');
}

export function isLoopbackHost(host: string | null): boolean {
  if (!host) return false;
  const name = hostName(host);
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * The Dashboard's rule: a token is only sent over HTTPS, or over plain HTTP to a console on localhost, unless
 * WHEELHOUSE_ALLOW_INSECURE_LOGIN=1. Returns why a sign-in is refused, or undefined.
 */
export function insecureLoginRefusal(headers: HeaderSource): string | undefined {
  if (servingTls() || process.env.WHEELHOUSE_ALLOW_INSECURE_LOGIN === '1') return undefined;
  if (isLoopbackHost(headers.get('host'))) return undefined;
  return 'Sign-in over plain HTTP is refused: the token would cross the network unencrypted. Open the console over https:// (or on localhost), or set WHEELHOUSE_ALLOW_INSECURE_LOGIN=1.';
}
