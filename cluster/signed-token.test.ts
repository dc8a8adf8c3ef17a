import { AuthenticationV1Api, CoreV1Api } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureClusterUp, kubeConfigForToken, signServiceAccountToken } from './state';
import { statusOf } from './test-helpers';

const review = (token: string) =>
  kubeConfigForToken(token).makeApiClient(AuthenticationV1Api).createSelfSubjectReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

describe('signServiceAccountToken', () => {
  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
  });

  it('signs a fresh token the API server accepts as the ServiceAccount', async () => {
    const token = await signServiceAccountToken({ namespace: 'default', name: 'viewer', expiresInSeconds: 20 });
    const claims = claimsOf(token);
    expect(claims.exp - claims.iat).toBe(20);
    expect(claims['kubernetes.io'].serviceaccount.name).toBe('viewer');
    const res = await review(token);
    expect(res.status?.userInfo?.username).toBe('system:serviceaccount:default:viewer');
    // RBAC applies to it like to a TokenRequest token: viewer may list pods but not delete them.
    const core = kubeConfigForToken(token).makeApiClient(CoreV1Api);
    expect(await statusOf(() => core.listNamespacedPod({ namespace: 'default' }))).toBe(200);
    expect(await statusOf(() => core.deleteNamespacedPod({ name: 'web-site', namespace: 'default', dryRun: 'All' }))).toBe(403);
  });

  it('signs an expired token the API server rejects with 401', async () => {
    const token = await signServiceAccountToken({ namespace: 'default', name: 'viewer', expiresInSeconds: -120 });
    expect(Date.now() / 1000 - 60).toBeGreaterThan(claimsOf(token).exp);
    expect(await statusOf(() => review(token))).toBe(401);
  });

  it('signs with the cluster key only: a tampered token is rejected with 401', async () => {
    const token = await signServiceAccountToken({ namespace: 'kube-system', name: 'admin-user', expiresInSeconds: 600 });
    const [h, , s] = token.split('.');
    const claims = { ...claimsOf(token), exp: claimsOf(token).exp + 3600 };
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    expect(await statusOf(() => review(token))).toBe(200);
    expect(await statusOf(() => review(forged))).toBe(401);
  });
});
