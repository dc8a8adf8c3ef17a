import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/k8s/errors';
import { accessCheckFor, denialReason, MAX_ACCESS_CHECKS, parseAccessChecks, supports } from './permissions';

describe('accessCheckFor', () => {
  it('asks for patch on the scale subresource', () => {
    expect(accessCheckFor('scale', 'deployments', 'default', 'nginx')).toEqual({
      verb: 'patch', group: 'apps', resource: 'deployments', subresource: 'scale', namespace: 'default', name: 'nginx',
    });
  });
  it('asks for patch on the object to restart, delete to delete', () => {
    expect(accessCheckFor('restart', 'deployments', 'team-a')).toEqual({ verb: 'patch', group: 'apps', resource: 'deployments', namespace: 'team-a' });
    expect(accessCheckFor('delete', 'pods', 'default', 'web-site')).toEqual({ verb: 'delete', group: '', resource: 'pods', namespace: 'default', name: 'web-site' });
  });
  it('drops the namespace of cluster-scoped kinds', () => {
    expect(accessCheckFor('delete', 'nodes', 'default', 'n1').namespace).toBeUndefined();
  });
});

describe('supports', () => {
  it('applies each action to its kinds only', () => {
    expect(supports('deployments', 'scale')).toBe(true);
    expect(supports('pods', 'scale')).toBe(false);
    expect(supports('deployments', 'restart')).toBe(true);
    expect(supports('services', 'restart')).toBe(false);
    expect(supports('statefulsets', 'scale') && supports('replicasets', 'scale') && !supports('daemonsets', 'scale')).toBe(true);
    expect(supports('statefulsets', 'restart') && supports('daemonsets', 'restart')).toBe(true);
    // Every kind may be deleted but events, which the API server manages.
    expect(['pods', 'deployments', 'services', 'nodes', 'namespaces', 'events'].map((k) => supports(k as never, 'delete'))).toEqual([true, true, true, true, true, false]);
    expect(supports('pods', 'logs') && supports('deployments', 'logs') && !supports('services', 'logs')).toBe(true);
  });
});

describe('denialReason', () => {
  it('names the permission, the namespace and the user', () => {
    const c = accessCheckFor('scale', 'deployments', 'default');
    expect(denialReason(c, 'system:serviceaccount:default:viewer')).toBe(
      'You cannot patch deployments/scale in default (system:serviceaccount:default:viewer)',
    );
  });
});

describe('parseAccessChecks', () => {
  const ok = { verb: 'patch', group: 'apps', resource: 'deployments', subresource: 'scale', namespace: 'default' };
  it('accepts well-formed checks', () => {
    expect(parseAccessChecks({ checks: [ok, { verb: 'delete', group: '', resource: 'pods', namespace: 'default', name: 'web-site' }] })).toHaveLength(2);
  });
  it.each([
    ['no checks', {}],
    ['empty', { checks: [] }],
    ['too many', { checks: Array(MAX_ACCESS_CHECKS + 1).fill(ok) }],
    ['bad verb', { checks: [{ ...ok, verb: 'escalate' }] }],
    ['bad group', { checks: [{ ...ok, group: 'Apps/x' }] }],
    ['bad resource', { checks: [{ ...ok, resource: '../secrets' }] }],
    ['bad namespace', { checks: [{ ...ok, namespace: 'Default' }] }],
    ['bad name', { checks: [{ ...ok, name: 'a/b' }] }],
    ['not an object', { checks: ['x'] }],
  ])('refuses %s with a 400', (_label, body) => {
    expect(() => parseAccessChecks(body)).toThrow(ApiError);
    try {
      parseAccessChecks(body);
    } catch (e) {
      expect((e as ApiError).body.status).toBe(400);
    }
  });
});
