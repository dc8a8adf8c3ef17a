import { AppsV1Api, AuthenticationV1Api, CoreV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminKubeConfig, ensureClusterUp, kubeConfigForToken, readToken } from './state';
import { pollUntil, statusOf } from './test-helpers';

const whoAmI = (token: string) =>
  kubeConfigForToken(token).makeApiClient(AuthenticationV1Api).createSelfSubjectReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });

describe('RBAC of the seeded ServiceAccount tokens', () => {
  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
  });

  it('authenticates each token file as its ServiceAccount', async () => {
    expect((await whoAmI(readToken('admin-user'))).status?.userInfo?.username).toBe('system:serviceaccount:kube-system:admin-user');
    expect((await whoAmI(readToken('viewer'))).status?.userInfo?.username).toBe('system:serviceaccount:default:viewer');
    expect((await whoAmI(readToken('team-a-editor'))).status?.userInfo?.username).toBe('system:serviceaccount:team-a:editor');
  });

  it('viewer can read deployments but gets 403 patching deployments/scale', async () => {
    const apps = kubeConfigForToken(readToken('viewer')).makeApiClient(AppsV1Api);
    expect(await statusOf(() => apps.readNamespacedDeployment({ name: 'nginx', namespace: 'default' }))).toBe(200);
    const patch = () =>
      apps.patchNamespacedDeploymentScale(
        { name: 'nginx', namespace: 'default', body: { spec: { replicas: 4 } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
    expect(await statusOf(patch)).toBe(403);
  });

  it('team-a editor gets 403 listing namespaces, 200 listing pods in team-a, 403 in team-b', async () => {
    const core = kubeConfigForToken(readToken('team-a-editor')).makeApiClient(CoreV1Api);
    expect(await statusOf(() => core.listNamespace())).toBe(403);
    const { items } = await core.listNamespacedPod({ namespace: 'team-a' });
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(await statusOf(() => core.listNamespacedPod({ namespace: 'team-b' }))).toBe(403);
  });

  it('rejects a token of a deleted ServiceAccount with 401', async () => {
    const core = adminKubeConfig().makeApiClient(CoreV1Api);
    const name = `throwaway-${randomBytes(4).toString('hex')}`;
    await core.createNamespacedServiceAccount({ namespace: 'default', body: { metadata: { name } } });
    try {
      const tr = await core.createNamespacedServiceAccountToken({ name, namespace: 'default', body: { spec: { audiences: [], expirationSeconds: 600 } } });
      const token = tr.status!.token;
      expect((await whoAmI(token)).status?.userInfo?.username).toBe(`system:serviceaccount:default:${name}`);
      await core.deleteNamespacedServiceAccount({ name, namespace: 'default' });
      // The API server caches successful token authentications for ~10 s.
      expect(await pollUntil(() => statusOf(() => whoAmI(token)), (s) => s === 401, 30_000, 500)).toBe(401);
    } finally {
      await statusOf(() => core.deleteNamespacedServiceAccount({ name, namespace: 'default' }));
    }
  });
});
