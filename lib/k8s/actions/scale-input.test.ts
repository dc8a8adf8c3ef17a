import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/k8s/errors';
import { DEFAULT_MAX_REPLICAS, maxReplicas, parseScaleRequest } from './scale-input';

describe('maxReplicas', () => {
  it('defaults to 100', () => expect(maxReplicas({})).toBe(DEFAULT_MAX_REPLICAS));
  it('reads WHEELHOUSE_MAX_REPLICAS', () => expect(maxReplicas({ WHEELHOUSE_MAX_REPLICAS: '20' })).toBe(20));
  it.each(['', 'abc', '0', '-5', '1.5', '1e3', '999999999'])('ignores %j', (v) => expect(maxReplicas({ WHEELHOUSE_MAX_REPLICAS: v })).toBe(100));
});

describe('parseScaleRequest', () => {
  it.each([0, 3, 100])('accepts replicas %j', (n) => expect(parseScaleRequest({ replicas: n }, 100)).toEqual({ replicas: n }));
  it('keeps expectedReplicas', () => expect(parseScaleRequest({ replicas: 5, expectedReplicas: 3 }, 100)).toEqual({ replicas: 5, expectedReplicas: 3 }));
  it.each([
    { replicas: -1 }, { replicas: 1.5 }, { replicas: '3' }, { replicas: null }, { replicas: 1e9 }, { replicas: 101 }, {},
    { replicas: true }, { replicas: 3, expectedReplicas: '3' }, null, [], 'replicas=3',
  ])('refuses %j with a 400', (body) => {
    expect(() => parseScaleRequest(body, 100)).toThrow(ApiError);
    expect(() => parseScaleRequest(body, 100)).toThrow(expect.objectContaining({ body: expect.objectContaining({ status: 400 }) }));
  });
  it('names the field', () => {
    expect(() => parseScaleRequest({ replicas: 101 }, 100)).toThrow(
      expect.objectContaining({ body: expect.objectContaining({ causes: [expect.objectContaining({ field: 'replicas', message: 'replicas must be between 0 and 100' })] }) }),
    );
  });
});
