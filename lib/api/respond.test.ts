import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const session = vi.hoisted(() => ({ current: { state: 'none' } as unknown }));
vi.mock('@/lib/auth/session', () => ({ readSession: async () => session.current }));

import { NextRequest } from 'next/server';
import { ApiError, badRequest } from '@/lib/k8s/errors';
import { csrfToken } from '@/lib/security/csrf';
import { errorResponse, json, withSession } from './respond';

// withSession: the session check, the Origin and CSRF checks of state-changing requests, and the audit line.

const USER = 'system:serviceaccount:kube-system:admin-user';
const ORIGIN = 'https://console.example:8443';
const params = { kind: 'deployments', namespace: 'default', name: 'nginx' };
const ctx = { params: Promise.resolve(params) };
let lines: Record<string, unknown>[] = [];

function request(method: string, headers: Record<string, string> = {}, path = '/api/k8s/deployments/default/nginx/scale') {
  return new NextRequest(`${ORIGIN}${path}`, { method, headers: { host: 'console.example:8443', 'x-forwarded-for': '10.0.0.9', ...headers } });
}
const valid = () => ({ origin: ORIGIN, 'x-csrf-token': csrfToken('sid-1') });

beforeEach(() => {
  process.env.NEXTAUTH_SECRET = 'unit-test-secret-0123456789abcdef-0123456789';
  session.current = { state: 'active', session: { username: USER, groups: [], expiresAt: Date.now() + 60_000, bearer: 'the-bearer-token', sid: 'sid-1' } };
  lines = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('withSession', () => {
  it('answers 401 without a session, SessionExpired for an expired one, and audits refused changes', async () => {
    const handler = vi.fn(async () => json({}));
    session.current = { state: 'none' };
    expect((await withSession(handler)(request('GET'), ctx)).status).toBe(401);
    session.current = { state: 'expired' };
    const res = await withSession(handler)(request('PATCH', valid()), ctx);
    expect(await res.json()).toEqual({ error: { status: 401, reason: 'SessionExpired', message: 'Your session has expired. Sign in again.' } });
    expect(handler).not.toHaveBeenCalled();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ user: null, action: 'scale', result: { status: 401, reason: 'SessionExpired' } });
  });

  it('lets reads through without Origin or CSRF token, and does not audit them', async () => {
    const res = await withSession(async (_req, { session: s }) => json({ user: s.username }))(request('GET'), ctx);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toEqual([]);
  });

  it('refuses a change from another origin, without an origin, or without the session’s CSRF token', async () => {
    const handler = vi.fn(async () => json({}));
    const cases: [Record<string, string>, string][] = [
      [{ origin: 'https://evil.example', 'x-csrf-token': csrfToken('sid-1') }, 'Forbidden'],
      [{ 'x-csrf-token': csrfToken('sid-1') }, 'Forbidden'],
      [{ origin: ORIGIN }, 'InvalidCSRFToken'],
      [{ origin: ORIGIN, 'x-csrf-token': csrfToken('sid-2') }, 'InvalidCSRFToken'],
    ];
    for (const [headers, reason] of cases) {
      const res = await withSession(handler)(request('DELETE', headers), ctx);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe(reason);
    }
    expect(handler).not.toHaveBeenCalled();
    expect(lines.map((l) => [l.user, l.action, (l.result as { status: number }).status])).toEqual(Array(4).fill([USER, 'delete', 403]));
  });

  it('runs an accepted change and writes one audit line with what the handler added, never the token', async () => {
    const res = await withSession<typeof params>(async (_req, { audit }) => {
      audit({ dryRun: false });
      return json({ replicas: 5 });
    })(request('PATCH', valid()), ctx);
    expect(res.status).toBe(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      type: 'audit', user: USER, action: 'scale', kind: 'deployments', namespace: 'default', name: 'nginx', dryRun: false,
      result: { status: 200, reason: 'OK' }, clientIp: '10.0.0.9', requestId: res.headers.get('x-request-id'),
    });
    expect(JSON.stringify(lines)).not.toContain('the-bearer-token');
  });

  it('turns thrown and returned errors into the one error shape, and audits their reason', async () => {
    const thrown = await withSession(async () => {
      throw new ApiError(badRequest('replicas must be a whole number'));
    })(request('PATCH', valid()), ctx);
    expect(thrown.status).toBe(400);
    const returned = await withSession(async () => errorResponse({ status: 409, reason: 'Conflict', message: 'changed meanwhile' }))(request('PATCH', valid()), ctx);
    expect(returned.status).toBe(409);
    const crashed = await withSession(async () => {
      throw new Error('with /secret/details');
    })(request('PATCH', valid()), ctx);
    expect(await crashed.json()).toEqual({ error: { status: 500, reason: 'InternalError', message: 'The console failed to handle this request.' } });
    expect(lines.map((l) => l.result)).toEqual([{ status: 400, reason: 'BadRequest' }, { status: 409, reason: 'Conflict' }, { status: 500, reason: 'InternalError' }]);
  });

  it('does not audit read-only POSTs (access reviews) but still checks their CSRF token', async () => {
    const handler = vi.fn(async () => json({ results: [] }));
    expect((await withSession(handler)(request('POST', {}, '/api/access'), { params: Promise.resolve({}) })).status).toBe(403);
    expect((await withSession(handler)(request('POST', valid(), '/api/access'), { params: Promise.resolve({}) })).status).toBe(200);
    expect(lines).toEqual([]);
  });
});
