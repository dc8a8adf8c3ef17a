import 'server-only';
import type { HeaderSource } from './transport';

// The Origin/Host check of every state-changing request: a page on another site can make the browser send a
// request, but it cannot make it claim this console's origin. The Host header is what the browser addressed;
// NEXTAUTH_URL, when set, is the console's public address (it may sit behind a proxy that rewrites Host).

function hostOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export function allowedHosts(headers: HeaderSource): string[] {
  const hosts: string[] = [];
  const host = headers.get('host');
  if (host) hosts.push(host.toLowerCase());
  const configured = process.env.NEXTAUTH_URL ? hostOf(process.env.NEXTAUTH_URL) : undefined;
  if (configured) hosts.push(configured);
  return hosts;
}

/** Why the request's origin is refused, or undefined when it is this console. Origin first, Referer if absent. */
export function originRefusal(headers: HeaderSource): string | undefined {
  const origin = headers.get('origin');
  const claimed = origin && origin !== 'null' ? origin : headers.get('referer');
  if (!claimed) return 'The request names no Origin: state-changing requests are only accepted from the console’s own pages.';
  const host = hostOf(claimed);
  if (!host || !allowedHosts(headers).includes(host)) {
    return 'Cross-site request refused: its Origin is not this console.';
  }
  return undefined;
}
