import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/k8s/errors';
import { RESOURCES } from '@/lib/k8s/resources';

vi.mock('server-only', () => ({}));
const kubeRequest = vi.fn();
vi.mock('@/lib/k8s/client', () => ({ kubeRequest: (...a: unknown[]) => kubeRequest(...a) }));

const { scaleTo, findHpa } = await import('./scale');
const t = { kindName: 'deployments' as const, r: RESOURCES.deployments, namespace: 'default', name: 'nginx' };
const scale = (replicas: number, rv = '10') => ({ status: 200, body: { metadata: { resourceVersion: rv }, spec: { replicas } }, warnings: [] });
const noHpa = { status: 200, body: { items: [] }, warnings: [] };

beforeEach(() => kubeRequest.mockReset());

describe('scaleTo', () => {
  it('merge-patches the scale subresource, conditional on what the user saw', async () => {
    kubeRequest.mockResolvedValueOnce(scale(3)).mockResolvedValueOnce(scale(5, '11')).mockResolvedValueOnce(noHpa);
    const res = await scaleTo('tok', t, { replicas: 5, expectedReplicas: 3 });
    expect(res).toEqual({ replicas: 5, previous: 3, warnings: [] });
    expect(kubeRequest.mock.calls[1][1]).toEqual({
      method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/nginx/scale', contentType: 'application/merge-patch+json',
      body: { metadata: { resourceVersion: '10' }, spec: { replicas: 5 } },
    });
  });

  it('refuses with 409 when someone else changed the replicas, without patching', async () => {
    kubeRequest.mockResolvedValueOnce(scale(7));
    await expect(scaleTo('tok', t, { replicas: 5, expectedReplicas: 3 })).rejects.toMatchObject({ body: { status: 409, reason: 'Conflict' } });
    expect(kubeRequest).toHaveBeenCalledTimes(1);
  });

  it('retries when only the resourceVersion moved (status updates)', async () => {
    const conflict = new ApiError({ status: 409, reason: 'Conflict', message: 'the object has been modified' });
    kubeRequest.mockResolvedValueOnce(scale(3)).mockRejectedValueOnce(conflict).mockResolvedValueOnce(scale(3, '12'))
      .mockResolvedValueOnce(scale(5, '13')).mockResolvedValueOnce(noHpa);
    expect((await scaleTo('tok', t, { replicas: 5, expectedReplicas: 3 })).replicas).toBe(5);
  });

  it('passes a 403 through', async () => {
    kubeRequest.mockResolvedValueOnce(scale(3)).mockRejectedValueOnce(new ApiError({ status: 403, reason: 'Forbidden', message: 'cannot patch resource "deployments/scale"' }));
    await expect(scaleTo('tok', t, { replicas: 5 })).rejects.toMatchObject({ body: { status: 403 } });
  });
});

describe('findHpa', () => {
  it('matches scaleTargetRef by kind, name and group', async () => {
    kubeRequest.mockResolvedValueOnce({ body: { items: [
      { metadata: { name: 'other' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'api', apiVersion: 'apps/v1' }, maxReplicas: 3 } },
      { metadata: { name: 'nginx-hpa' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'nginx', apiVersion: 'apps/v1' }, minReplicas: 2, maxReplicas: 10 } },
    ] } });
    expect(await findHpa('tok', t)).toEqual({ name: 'nginx-hpa', minReplicas: 2, maxReplicas: 10 });
  });
  it('gives no warning to a user who may not list HPAs', async () => {
    kubeRequest.mockRejectedValueOnce(new ApiError({ status: 403, reason: 'Forbidden', message: 'no' }));
    expect(await findHpa('tok', t)).toBeUndefined();
  });
});
