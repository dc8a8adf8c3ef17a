import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import { csrfToken, csrfTokenMatches } from './csrf';
import { originRefusal } from './origin';
import { checkRate, recordHit, resetRateLimits, takeSlot } from './rate-limit';
import { safeNext } from './redirect';
import { clientIp, hostName, insecureLoginRefusal, isLoopbackHost } from './transport';
import { contentSecurityPolicy, makeNonce } from './csp';

const headers = (h: Record<string, string>) => new Headers(h);
const ENV = { ...process.env };

beforeEach(() => {
  process.env.NEXTAUTH_SECRET = 'unit-test-secret-0123456789abcdef-0123456789';
  delete process.env.NEXTAUTH_URL;
  delete process.env.WHEELHOUSE_HTTPS;
  delete process.env.WHEELHOUSE_ALLOW_INSECURE_LOGIN;
});
afterEach(() => {
  process.env = { ...ENV };
});

describe('transport', () => {
  it('takes the last X-Forwarded-For hop that is not a trusted proxy, unmapped, and refuses junk', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '::ffff:10.1.2.3, 192.168.0.1' }))).toBe('192.168.0.1');
    process.env.WHEELHOUSE_TRUSTED_PROXIES = '192.168.0.0/16, 10.9.9.9';
    expect(clientIp(headers({ 'x-forwarded-for': '::ffff:10.1.2.3, 192.168.0.1' }))).toBe('10.1.2.3');
    // A client cannot choose its address by sending its own X-Forwarded-For through the proxy.
    expect(clientIp(headers({ 'x-forwarded-for': '1.2.3.4, 10.1.2.3, 10.9.9.9' }))).toBe('10.1.2.3');
    delete process.env.WHEELHOUSE_TRUSTED_PROXIES;
    expect(clientIp(headers({ 'x-forwarded-for': '2001:db8::1' }))).toBe('2001:db8::1');
    expect(clientIp(headers({ 'x-forwarded-for': 'a b <script>' }))).toBe('unknown');
    expect(clientIp(headers({}))).toBe('unknown');
  });

  it('knows loopback hosts', () => {
    expect(['localhost:3000', '127.0.0.1', '127.9.9.9:8443', '[::1]:8443', 'app.localhost'].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
    expect(['wheelhouse.example.com', '10.0.0.1:32767', '127.0.0.1.nip.io', null].map(isLoopbackHost)).toEqual([false, false, false, false]);
    expect(hostName('[::1]:8443')).toBe('::1');
  });

  it('refuses a plain-HTTP sign-in to a non-localhost host, unless serving TLS or explicitly allowed', () => {
    expect(insecureLoginRefusal(headers({ host: 'console.example.com' }))).toMatch(/plain HTTP is refused/);
    expect(insecureLoginRefusal(headers({ host: '127.0.0.1:3000' }))).toBeUndefined();
    process.env.WHEELHOUSE_HTTPS = '1';
    expect(insecureLoginRefusal(headers({ host: 'console.example.com' }))).toBeUndefined();
    delete process.env.WHEELHOUSE_HTTPS;
    process.env.WHEELHOUSE_ALLOW_INSECURE_LOGIN = '1';
    expect(insecureLoginRefusal(headers({ host: 'console.example.com' }))).toBeUndefined();
  });
});

describe('origin', () => {
  it('accepts the console’s own origin (Host or NEXTAUTH_URL), Referer when Origin is absent', () => {
    expect(originRefusal(headers({ host: 'c.example:8443', origin: 'https://c.example:8443' }))).toBeUndefined();
    expect(originRefusal(headers({ host: 'c.example:8443', referer: 'https://c.example:8443/deployments' }))).toBeUndefined();
    process.env.NEXTAUTH_URL = 'https://public.example';
    expect(originRefusal(headers({ host: '10.0.0.5:8443', origin: 'https://public.example' }))).toBeUndefined();
  });

  it('refuses other sites, look-alikes, null, non-http schemes and requests that name no origin', () => {
    const host = 'c.example:8443';
    for (const origin of ['https://evil.example', 'https://c.example:8443.evil.example', 'https://c.example', 'null', 'file://c.example:8443', 'not a url']) {
      expect(originRefusal(headers({ host, origin })), origin).toBeDefined();
    }
    expect(originRefusal(headers({ host }))).toMatch(/names no Origin/);
    expect(originRefusal(headers({ origin: 'https://c.example:8443' }))).toBeDefined();
  });
});

describe('csrf', () => {
  it('is stable per session and secret, different across sessions and secrets', () => {
    const t = csrfToken('sid-1');
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfToken('sid-1')).toBe(t);
    expect(csrfToken('sid-2')).not.toBe(t);
    expect(csrfTokenMatches('sid-1', t)).toBe(true);
    expect(csrfTokenMatches('sid-2', t)).toBe(false);
    expect(csrfTokenMatches('sid-1', null)).toBe(false);
    expect(csrfTokenMatches('sid-1', `${t}x`)).toBe(false);
    expect(csrfTokenMatches('sid-1', 'a'.repeat(10_000))).toBe(false);
    process.env.NEXTAUTH_SECRET = 'another-secret-0123456789abcdef-0123456789';
    expect(csrfTokenMatches('sid-1', t)).toBe(false);
  });
});

describe('rate limit', () => {
  it('allows `limit` hits a window per key, then says when to retry', () => {
    resetRateLimits('t');
    const t0 = 1_000_000;
    for (let i = 0; i < 10; i++) {
      expect(checkRate('t', 'ip-a', 10, 60_000, t0 + i).allowed).toBe(true);
      recordHit('t', 'ip-a', t0 + i);
    }
    expect(checkRate('t', 'ip-a', 10, 60_000, t0 + 30_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(checkRate('t', 'ip-b', 10, 60_000, t0 + 30_000).allowed).toBe(true);
    expect(checkRate('t', 'ip-a', 10, 60_000, t0 + 60_001).allowed).toBe(true);
  });
});

describe('content security policy', () => {
  it('allows scripts by nonce only: no unsafe-eval, no unsafe-inline scripts, no framing', () => {
    const nonce = makeNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(makeNonce()).not.toBe(nonce);
    const csp = contentSecurityPolicy(nonce, { tls: false });
    const script = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy(nonce, { tls: true })).toContain('upgrade-insecure-requests');
  });
});

describe('rate limit slots (counted before the attempt runs)', () => {
  it('lets only `limit` of many parallel attempts through, and a given-back slot frees its place', () => {
    resetRateLimits('p');
    const limits = [{ name: 'p', key: 'ip', limit: 3, windowMs: 60_000 }];
    const t0 = 5_000_000;
    const slots = Array.from({ length: 10 }, () => takeSlot(limits, t0));
    expect(slots.filter((s) => s.allowed)).toHaveLength(3);
    const first = slots[0];
    if (first.allowed) first.release();
    expect(takeSlot(limits, t0).allowed).toBe(true);
    expect(takeSlot(limits, t0).allowed).toBe(false);
  });

  it('records nothing in any limit when one of them is full', () => {
    resetRateLimits('q1');
    resetRateLimits('q2');
    const a = { name: 'q1', key: 'k', limit: 5, windowMs: 60_000 };
    const b = { name: 'q2', key: 'k', limit: 1, windowMs: 60_000 };
    expect(takeSlot([a, b], 1).allowed).toBe(true);
    const refused = takeSlot([a, b], 2);
    expect(refused).toMatchObject({ allowed: false, limit: b });
    expect(checkRate('q1', 'k', 2, 60_000, 3).allowed).toBe(true);
  });
});

describe('safeNext (where to go after signing in)', () => {
  it.each([
    ['/pods?namespace=a', '/pods?namespace=a'],
    ['/deployments/default/web#x', '/deployments/default/web#x'],
    ['/\t/evil.example', '/'],
    ['/\n/evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/%09/evil.example', '/'],
    ['/%5Cevil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['pods', '/'],
    ['', '/'],
  ])('%j → %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
