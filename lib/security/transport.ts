import 'server-only';
import { BlockList, isIP } from 'node:net';

// What the console knows about the connection a request came in on. Behind server/https-server.mjs the
// X-Forwarded-* headers are rewritten from the socket itself (kept only from WHEELHOUSE_TRUSTED_PROXIES when
// WHEELHOUSE_TRUST_PROXY=1), so they can be believed; under plain `next start` (development, the e2e suite) the transport is plain HTTP.

export type HeaderSource = Pick<Headers, 'get'>;

/** Whether this process serves HTTPS itself (set by server/https-server.mjs at start). */
export function servingTls(): boolean {
  return process.env.WHEELHOUSE_HTTPS === '1';
}

const ADDRESS = /^[0-9A-Fa-f:.[\]%a-z]{1,64}$/;
let proxies: { spec: string; list: BlockList } | undefined;

/** WHEELHOUSE_TRUSTED_PROXIES: comma-separated addresses or CIDRs of the proxies in front (e.g. an Ingress controller). */
export function trustedProxies(spec = process.env.WHEELHOUSE_TRUSTED_PROXIES ?? ''): BlockList {
  if (proxies?.spec === spec) return proxies.list;
  const list = new BlockList();
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [address, bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(address)) continue;
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  proxies = { spec, list };
  return list;
}

function isTrusted(address: string): boolean {
  const type = isIP(address);
  return type !== 0 && trustedProxies().check(address, type === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the last X-Forwarded-For hop that is not one of WHEELHOUSE_TRUSTED_PROXIES. Each proxy
 * appends the address it saw, so hops left of the last untrusted one are whatever the client claimed: never used.
 * Clipped: it lands in logs.
 */
export function clientIp(headers: HeaderSource): string {
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((h) => h.trim().replace(/^::ffff:/, '')).filter(Boolean);
  let i = hops.length - 1;
  while (i > 0 && isTrusted(hops[i])) i--;
  const hop = hops[i];
  return hop && ADDRESS.test(hop) ? hop : 'unknown';
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
