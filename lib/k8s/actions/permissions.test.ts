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

// Which kinds support which action is checked against the API server's own discovery in permissions.int.test.ts
// (a /scale subresource, the delete verb); restating the sets here would only test that they equal themselves.
describe('supports', () => {
  it('never offers restart or scale on a kind that cannot be patched that way (pods, services, nodes)', () => {
    for (const kind of ['pods', 'services', 'nodes', 'namespaces'] as const) {
      expect(supports(kind, 'scale'), kind).toBe(false);
      expect(supports(kind, 'restart'), kind).toBe(false);
    }
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
    expect(() => parseAccessChecks(body)).toThrow(expect.objectContaining({ body: expect.objectContaining({ status: 400 }) }));
  });
});
