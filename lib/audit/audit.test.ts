import { describe, expect, it } from 'vitest';
import { auditRecord, deriveAction } from './derive';
import { ACTIVITY_LIMITS, forgetSession, recentActions, remember } from './ring';

const base = {
  requestId: 'req-1', user: 'system:serviceaccount:kube-system:admin-user', method: 'PATCH',
  pathname: '/api/k8s/deployments/default/nginx/scale', query: new URLSearchParams(), params: { kind: 'deployments', namespace: 'default', name: 'nginx' },
  note: {}, status: 200, reason: 'OK', clientIp: '10.0.0.7', now: new Date('2026-11-22T10:00:00Z'),
};

describe('audit records', () => {
  it('derive the action from the route and the object from its parameters', () => {
    expect(deriveAction('PATCH', '/api/k8s/deployments/default/nginx/scale')).toBe('scale');
    expect(deriveAction('POST', '/api/k8s/deployments/default/nginx/restart')).toBe('restart');
    expect(deriveAction('DELETE', '/api/k8s/pods/default/web')).toBe('delete');
    expect(deriveAction('POST', '/api/apply')).toBe('apply');
    expect(deriveAction('POST', '/api/something')).toBe('post /api/something');
    expect(auditRecord(base)).toEqual({
      time: '2026-11-22T10:00:00.000Z', type: 'audit', requestId: 'req-1', user: base.user, action: 'scale', kind: 'deployments',
      namespace: 'default', name: 'nginx', dryRun: null, result: { status: 200, reason: 'OK' }, clientIp: '10.0.0.7', method: 'PATCH',
      path: '/api/k8s/deployments/default/nginx/scale',
    });
  });

  it('take what the handler adds, read dryRun from the query, drop the cluster-scope placeholder, clip long input', () => {
    const r = auditRecord({ ...base, pathname: '/api/apply', params: {}, note: { action: 'apply', dryRun: true, objects: [{ kind: 'ConfigMap', namespace: 'a', name: 'b', result: 'created' }] } });
    expect(r).toMatchObject({ action: 'apply', dryRun: true, kind: null, objects: [{ kind: 'ConfigMap', namespace: 'a', name: 'b', result: 'created' }] });
    expect(auditRecord({ ...base, query: new URLSearchParams('dryRun=All') }).dryRun).toBe(true);
    expect(auditRecord({ ...base, params: { kind: 'nodes', namespace: '-', name: 'n1' } }).namespace).toBeNull();
    expect(auditRecord({ ...base, params: { kind: 'x', namespace: 'y', name: 'z'.repeat(10_000) } }).name).toHaveLength(254);
  });

  it('never carry a token, a body or a query string', () => {
    const line = JSON.stringify(auditRecord({ ...base, query: new URLSearchParams('token=secret-value') }));
    expect(line).not.toContain('secret-value');
    expect(Object.keys(auditRecord(base))).not.toContain('body');
  });
});

describe('the activity ring', () => {
  it('keeps the newest actions per session, newest first, and forgets a signed-out session', () => {
    for (let i = 0; i < ACTIVITY_LIMITS.perSession + 5; i++) remember('s1', { ...auditRecord(base), requestId: `r${i}` });
    remember('s2', { ...auditRecord(base), requestId: 'other' });
    const mine = recentActions('s1');
    expect(mine).toHaveLength(ACTIVITY_LIMITS.perSession);
    expect(mine[0].requestId).toBe(`r${ACTIVITY_LIMITS.perSession + 4}`);
    expect(mine.some((r) => r.requestId === 'other')).toBe(false);
    forgetSession('s1');
    expect(recentActions('s1')).toEqual([]);
    expect(recentActions('s2')).toHaveLength(1);
  });
});
