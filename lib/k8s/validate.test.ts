import { describe, expect, it } from 'vitest';
import { checkName, checkNamespace, checkReplicas } from './validate';
import { apiPath, RESOURCES } from './resources';

describe('names and namespaces', () => {
  it.each(['default', 'team-a', 'a', 'x'.repeat(63)])('accepts namespace %s', (ns) => expect(checkNamespace(ns).ok).toBe(true));
  it.each(['', 'Team', '-a', 'a-', 'a.b', '../etc', 'x'.repeat(64), 'a b', 'a%2Fb'])('rejects namespace %j', (ns) => expect(checkNamespace(ns).ok).toBe(false));
  it.each(['nginx', 'nginx-7c5ddbdf54-abcde', 'kwok-node-0', 'a.b.c'])('accepts name %s', (n) => expect(checkName(n).ok).toBe(true));
  it.each(['', '..', 'a/b', 'A', '.a', 'x'.repeat(254), 'a_b'])('rejects name %j', (n) => expect(checkName(n).ok).toBe(false));
});

describe('checkReplicas', () => {
  it.each([0, 1, 100])('accepts %j', (n) => expect(checkReplicas(n, 100).ok).toBe(true));
  it.each([-1, 101, 1.5, 1e9, '3', null, undefined, Number.NaN, Infinity])('rejects %j', (n) => expect(checkReplicas(n, 100).ok).toBe(false));
});

describe('apiPath', () => {
  it('builds core and group paths', () => {
    expect(apiPath(RESOURCES.pods, { namespace: 'default', name: 'web-site', subresource: 'log' })).toBe('/api/v1/namespaces/default/pods/web-site/log');
    expect(apiPath(RESOURCES.deployments, { namespace: 'team-a' })).toBe('/apis/apps/v1/namespaces/team-a/deployments');
    expect(apiPath(RESOURCES.nodes, { namespace: 'ignored', name: 'kwok-node-0' })).toBe('/api/v1/nodes/kwok-node-0');
    expect(apiPath(RESOURCES.pods)).toBe('/api/v1/pods');
  });
  it('encodes segments so they cannot change the path', () => {
    expect(apiPath(RESOURCES.pods, { namespace: 'a/b', name: '../x' })).toBe('/api/v1/namespaces/a%2Fb/pods/..%2Fx');
  });
});
