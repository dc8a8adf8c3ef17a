import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const { restartPatch, rfc3339 } = await import('./restart');

describe('rollout restart patch', () => {
  it('writes RFC 3339 without fractions, like kubectl', () => {
    expect(rfc3339(new Date('2025-03-04T05:06:07.891Z'))).toBe('2025-03-04T05:06:07Z');
  });
  it('sets the restartedAt annotation on the pod template', () => {
    expect(restartPatch(new Date('2025-03-04T05:06:07Z'))).toEqual({
      spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-03-04T05:06:07Z' } } } },
    });
  });
});
