import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const kubeRequest = vi.fn();
vi.mock('./client', () => ({ kubeRequest: (...args: unknown[]) => kubeRequest(...args) }));

const { createDiscovery } = await import('./discovery');
const { ApiError } = await import('./errors');

const APPS = {
  resources: [
    { name: 'deployments', kind: 'Deployment', namespaced: true, verbs: ['get', 'patch'] },
    { name: 'deployments/scale', kind: 'Scale', namespaced: true },
  ],
};

describe('createDiscovery', () => {
  beforeEach(() => {
    kubeRequest.mockReset();
  });

  it('resolves a kind through /apis/{group}/{version}, once per group/version', async () => {
    kubeRequest.mockResolvedValue({ body: APPS });
    const d = createDiscovery('token');
    const r = await d.resolve('apps/v1', 'Deployment');
    await d.resolve('apps/v1', 'Deployment');
    expect(r).toEqual({ kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', namespaced: true, verbs: ['get', 'patch'] });
    expect(kubeRequest).toHaveBeenCalledTimes(1);
    expect(kubeRequest).toHaveBeenCalledWith('token', { path: '/apis/apps/v1' });
  });

  it('uses /api/v1 for the core group, and ignores subresources', async () => {
    kubeRequest.mockResolvedValue({ body: { resources: [{ name: 'pods/log', kind: 'Pod', namespaced: true }, { name: 'pods', kind: 'Pod', namespaced: true }] } });
    expect((await createDiscovery('t').resolve('v1', 'Pod')).plural).toBe('pods');
    expect(kubeRequest).toHaveBeenCalledWith('t', { path: '/api/v1' });
  });

  it('says a removed group/version is not served, and what is', async () => {
    kubeRequest.mockImplementation(async (_t: string, req: { path: string }) => {
      if (req.path === '/apis/rbac.authorization.k8s.io') return { body: { versions: [{ groupVersion: 'rbac.authorization.k8s.io/v1' }] } };
      throw new ApiError({ status: 404, reason: 'NotFound', message: 'the server could not find the requested resource' });
    });
    await expect(createDiscovery('t').resolve('rbac.authorization.k8s.io/v1beta1', 'ClusterRole')).rejects.toMatchObject({
      body: { status: 404, message: 'the server does not serve rbac.authorization.k8s.io/v1beta1 (it may have been removed; it serves rbac.authorization.k8s.io/v1)' },
    });
  });

  it('says an unknown kind is not known in that group/version, with a near miss', async () => {
    kubeRequest.mockResolvedValue({ body: APPS });
    await expect(createDiscovery('t').resolve('apps/v1', 'deployment')).rejects.toMatchObject({
      body: { status: 404, message: 'the server does not know kind "deployment" in apps/v1 (did you mean "Deployment"?)' },
    });
  });

  it('passes other failures through (e.g. Forbidden)', async () => {
    kubeRequest.mockRejectedValue(new ApiError({ status: 403, reason: 'Forbidden', message: 'no' }));
    await expect(createDiscovery('t').resolve('apps/v1', 'Deployment')).rejects.toMatchObject({ body: { status: 403 } });
  });
});
