import type { IncomingMessage } from 'node:http';
import { encode } from 'next-auth/jwt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import { csrfToken } from '@/lib/security/csrf';
import { cookieSource, guardUpgrade } from './guard';
import { execUrl, frame, parseResize, parseShellEvent, resizeFrame, RESIZE, STDIN } from './protocol';
import { execLimits, parseExecQuery } from './request';

const SECRET = 'unit-test-secret-0123456789abcdef-0123456789';
const ENV = { ...process.env };
beforeEach(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
  delete process.env.NEXTAUTH_URL;
});
afterEach(() => {
  process.env = { ...ENV };
});

describe('parseExecQuery', () => {
  const q = (o: Record<string, string>) => new URLSearchParams(o);
  it('defaults to bash, then sh', () => {
    const r = parseExecQuery(q({ namespace: 'default', pod: 'web-site', container: 'nginx', csrf: 't' }));
    expect(r).toEqual({ ok: true, target: { namespace: 'default', pod: 'web-site', container: 'nginx' }, commands: [['bash'], ['sh']], csrf: 't' });
  });
  it('splits a typed command into words, with no shell parsing', () => {
    const r = parseExecQuery(q({ namespace: 'default', pod: 'web-site', container: 'nginx', command: ' ls  -la $HOME ' }));
    expect(r.ok && r.commands).toEqual([['ls', '-la', '$HOME']]);
    expect(r.ok && r.csrf).toBeNull();
  });
  it.each([
    [{ namespace: 'Default', pod: 'p', container: 'c' }, /invalid namespace/],
    [{ namespace: 'default', pod: '../x', container: 'c' }, /invalid name/],
    [{ namespace: 'default', pod: 'p', container: '' }, /container/],
    [{ namespace: 'default', pod: 'p', container: 'a/b' }, /container/],
    [{ namespace: 'default', pod: 'p', container: 'c', command: 'x'.repeat(1025) }, /at most 1024/],
    [{ namespace: 'default', pod: 'p', container: 'c', command: Array(33).fill('a').join(' ') }, /at most 32 words/],
  ])('refuses %o', (o, message) => {
    const r = parseExecQuery(q(o));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });
});

describe('execLimits', () => {
  it('reads the environment and falls back on nonsense', () => {
    expect(execLimits()).toEqual({ idleMs: 900_000, perSession: 4, perServer: 50 });
    Object.assign(process.env, { WHEELHOUSE_EXEC_IDLE_SECONDS: '5', WHEELHOUSE_EXEC_MAX_PER_SESSION: '1', WHEELHOUSE_EXEC_MAX_PER_SERVER: '-3' });
    expect(execLimits()).toEqual({ idleMs: 5_000, perSession: 1, perServer: 50 });
  });
});

describe('protocol', () => {
  it('frames stdin and resize with the channel byte', () => {
    expect([...frame(STDIN, new Uint8Array([104, 105]))]).toEqual([0, 104, 105]);
    const r = resizeFrame(120, 40);
    expect(r[0]).toBe(RESIZE);
    expect(parseResize(r.subarray(1))).toEqual({ width: 120, height: 40 });
  });
  it('ignores resizes that are not sane whole numbers', () => {
    for (const bad of ['{"width":0,"height":1}', '{"width":1.5,"height":1}', '{"width":"80","height":24}', '{"width":5000,"height":24}', 'nope']) {
      expect(parseResize(new TextEncoder().encode(bad))).toBeUndefined();
    }
  });
  it('puts the CSRF token in the query, never anything else of the session', () => {
    const url = new URL(execUrl({ namespace: 'default', pod: 'web-site', container: 'nginx', command: 'sh' }, 'tok'), 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({ namespace: 'default', pod: 'web-site', container: 'nginx', command: 'sh', csrf: 'tok' });
    expect(parseShellEvent('{"type":"end","how":"exited","message":"m"}')).toEqual({ type: 'end', how: 'exited', message: 'm' });
    expect(parseShellEvent('garbage')).toBeUndefined();
  });
});

describe('guardUpgrade: refusals before any cluster call', () => {
  const sid = 'session-id-1';
  async function cookie(expiresAt = Date.now() + 60_000) {
    const token = await encode({ token: { username: 'alice', groups: [], bearer: 'secret-bearer', expiresAt, sid }, secret: SECRET });
    return `other=1; wh-session=${token}`;
  }
  function req(headers: Record<string, string>, query: string): IncomingMessage {
    return { headers: { host: '127.0.0.1:4700', ...headers }, url: `/api/exec?${query}` } as unknown as IncomingMessage;
  }
  const good = () => `namespace=default&pod=web-site&container=nginx&csrf=${encodeURIComponent(csrfToken(sid))}`;

  it('parses the Cookie header as the session reader expects', () => {
    const c = cookieSource('a=1; wh-session.0=x=y; wh-session.1=z');
    expect(c.get('a')?.value).toBe('1');
    expect(c.getAll().map((x) => x.name)).toEqual(['a', 'wh-session.0', 'wh-session.1']);
  });
  it('accepts a live session, the console origin and the session CSRF token', async () => {
    const g = await guardUpgrade(req({ cookie: await cookie(), origin: 'http://127.0.0.1:4700' }, good()));
    expect(g.ok && g.session.username).toBe('alice');
  });
  it('refuses without a session (401), with an expired one (401)', async () => {
    expect(await guardUpgrade(req({ origin: 'http://127.0.0.1:4700' }, good()))).toMatchObject({ ok: false, refusal: { status: 401 } });
    const expired = await guardUpgrade(req({ cookie: await cookie(Date.now() - 1), origin: 'http://127.0.0.1:4700' }, good()));
    expect(expired).toMatchObject({ ok: false, refusal: { status: 401, reason: 'SessionExpired' } });
  });
  it('refuses a foreign or missing Origin (403)', async () => {
    const c = await cookie();
    expect(await guardUpgrade(req({ cookie: c, origin: 'https://evil.example' }, good()))).toMatchObject({ ok: false, refusal: { status: 403, reason: 'Forbidden' }, user: 'alice' });
    expect(await guardUpgrade(req({ cookie: c }, good()))).toMatchObject({ ok: false, refusal: { status: 403 } });
  });
  it('refuses a missing or wrong CSRF token (403)', async () => {
    const c = await cookie();
    const base = 'namespace=default&pod=web-site&container=nginx';
    expect(await guardUpgrade(req({ cookie: c, origin: 'http://127.0.0.1:4700' }, base))).toMatchObject({ ok: false, refusal: { status: 403, reason: 'InvalidCSRFToken' } });
    expect(await guardUpgrade(req({ cookie: c, origin: 'http://127.0.0.1:4700' }, `${base}&csrf=${csrfToken('another-session')}`))).toMatchObject({ ok: false, refusal: { reason: 'InvalidCSRFToken' } });
  });
});
