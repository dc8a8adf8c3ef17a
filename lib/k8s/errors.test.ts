import { describe, expect, it } from 'vitest';
import { fromStatus, fromTransport, isApiErrorBody } from './errors';

describe('fromStatus', () => {
  it('keeps the reason, message and causes of a Kubernetes Status', () => {
    const status = {
      kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 422, reason: 'Invalid',
      message: 'Deployment.apps "x" is invalid: spec.replicas: Invalid value: -1',
      details: { name: 'x', kind: 'deployments', causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1', field: 'spec.replicas' }] },
    };
    expect(fromStatus(422, status)).toEqual({
      status: 422, reason: 'Invalid', message: status.message,
      causes: [{ field: 'spec.replicas', reason: 'FieldValueInvalid', message: 'Invalid value: -1' }],
    });
  });

  it('names a forbidden request as the API server does', () => {
    const msg = 'pods is forbidden: User "system:serviceaccount:team-a:editor" cannot list resource "pods" in API group "" in the namespace "kube-system"';
    expect(fromStatus(403, { kind: 'Status', code: 403, reason: 'Forbidden', message: msg })).toEqual({ status: 403, reason: 'Forbidden', message: msg });
  });

  it('falls back to the HTTP status when the body is not a Status', () => {
    expect(fromStatus(404, '404 page not found')).toEqual({ status: 404, reason: 'NotFound', message: 'the API server answered 404 NotFound' });
    expect(fromStatus(418, undefined).reason).toBe('Unknown');
  });
});

describe('fromTransport', () => {
  it('reports a refused connection as the cluster being unreachable, without the stack', () => {
    const e = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });
    const body = fromTransport(e);
    expect(body).toEqual({ status: 503, reason: 'ClusterUnreachable', message: 'The API server cannot be reached (ECONNREFUSED).' });
    expect(JSON.stringify(body)).not.toContain('at ');
  });

  it('reports timeouts and certificate failures', () => {
    expect(fromTransport(Object.assign(new Error('t'), { code: 'ETIMEDOUT' })).status).toBe(504);
    expect(fromTransport(Object.assign(new Error('c'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })).reason).toBe('TLSError');
    expect(fromTransport('weird').reason).toBe('ClusterUnreachable');
  });
});

describe('isApiErrorBody', () => {
  it('recognises the error shape only', () => {
    expect(isApiErrorBody({ status: 403, reason: 'Forbidden', message: 'no' })).toBe(true);
    expect(isApiErrorBody({ status: '403', reason: 'Forbidden', message: 'no' })).toBe(false);
    expect(isApiErrorBody(null)).toBe(false);
  });
});
