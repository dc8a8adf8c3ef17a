import { CoreV1Api, CustomObjectsApi, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { beforeAll, describe, expect, it } from 'vitest';
import { metricResolutionSeconds } from './metrics-server';
import { adminKubeConfig, ensureClusterUp, kubeConfigForToken, readClusterState, readToken } from './state';
import { pollUntil, statusOf } from './test-helpers';

// metrics.k8s.io through the aggregation layer: kube-apiserver → (front-proxy client certificate) → metrics-server on
// 127.0.0.1 → kwok's fake kubelet metrics. Samples need two scrapes, so the first reads wait up to a few windows.

interface Metrics { items: { metadata: { name: string; namespace?: string }; usage?: { cpu: string; memory: string }; containers?: { usage: { cpu: string } }[] }[] }

const metrics = (token: string) => kubeConfigForToken(token).makeApiClient(CustomObjectsApi);
const nodes = (token: string) => metrics(token).listClusterCustomObject({ group: 'metrics.k8s.io', version: 'v1beta1', plural: 'nodes' }) as Promise<Metrics>;
const pods = (token: string, namespace: string) =>
  metrics(token).listNamespacedCustomObject({ group: 'metrics.k8s.io', version: 'v1beta1', namespace, plural: 'pods' }) as Promise<Metrics>;
const nanos = (q: string) => (q.endsWith('n') ? Number(q.slice(0, -1)) : q.endsWith('m') ? Number(q.slice(0, -1)) * 1e6 : Number(q) * 1e9);
const waitMs = 6 * metricResolutionSeconds * 1000;

describe('metrics.k8s.io on the local cluster', () => {
  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
  }, 300_000);

  it('serves node metrics to admin-user for every kwok node', async () => {
    const want = readClusterState().nodes;
    const got = await pollUntil(() => nodes(readToken('admin-user')).catch(() => ({ items: [] }) as Metrics), (m) => m.items.length >= want, waitMs, 1000);
    expect(got.items.map((n) => n.metadata.name).sort()).toEqual(Array.from({ length: want }, (_, i) => `kwok-node-${i}`));
    for (const n of got.items) expect(nanos(n.usage!.cpu)).toBeGreaterThan(0);
  }, 120_000);

  it('serves pod metrics to the viewer, with the seeded cpu-hog busiest', async () => {
    const viewer = readToken('viewer');
    const got = await pollUntil(
      () => pods(viewer, 'default').catch(() => ({ items: [] }) as Metrics),
      (m) => m.items.filter((p) => p.metadata.name.startsWith('cpu-hog-')).length === 2 && m.items.length >= 4,
      waitMs, 1000,
    );
    const cpu = (p: Metrics['items'][number]) => (p.containers ?? []).reduce((a, c) => a + nanos(c.usage.cpu), 0);
    const hogs = got.items.filter((p) => p.metadata.name.startsWith('cpu-hog-'));
    const rest = got.items.filter((p) => !p.metadata.name.startsWith('cpu-hog-'));
    expect(hogs).toHaveLength(2);
    expect(rest.length).toBeGreaterThan(0);
    // cpu-hog asks kwok for 600m ±25 %, everything else for 5m ±25 %.
    expect(Math.min(...hogs.map(cpu))).toBeGreaterThan(Math.max(...rest.map(cpu)) * 10);
  }, 120_000);

  it('answers 403 to a token whose role lacks metrics.k8s.io', async () => {
    const kc = adminKubeConfig();
    const core = kc.makeApiClient(CoreV1Api);
    const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
    const name = `no-metrics-${randomBytes(4).toString('hex')}`;
    const namespace = 'default';
    await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name } } });
    try {
      await rbac.createNamespacedRole({ namespace, body: { metadata: { name }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }] } });
      await rbac.createNamespacedRoleBinding({
        namespace,
        body: { metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name }, subjects: [{ kind: 'ServiceAccount', name, namespace }] },
      });
      const tr = await core.createNamespacedServiceAccountToken({ name, namespace, body: { spec: { audiences: [], expirationSeconds: 600 } } });
      const token = tr.status!.token;
      // The same token may list the pods themselves: only the metrics are denied.
      expect(await pollUntil(() => statusOf(() => kubeConfigForToken(token).makeApiClient(CoreV1Api).listNamespacedPod({ namespace })), (s) => s === 200, 10_000)).toBe(200);
      expect(await statusOf(() => pods(token, namespace))).toBe(403);
      expect(await statusOf(() => nodes(token))).toBe(403);
    } finally {
      await statusOf(() => rbac.deleteNamespacedRoleBinding({ name, namespace }));
      await statusOf(() => rbac.deleteNamespacedRole({ name, namespace }));
      await statusOf(() => core.deleteNamespacedServiceAccount({ name, namespace }));
    }
  });

  it('metrics-server listens on loopback only and trusts no user header without the front-proxy certificate', async () => {
    const s = readClusterState();
    const port = s.ports.metricsServer;
    expect(port).toBeGreaterThan(0);
    const url = `https://127.0.0.1:${port}/apis/metrics.k8s.io/v1beta1/nodes`;
    // No client certificate: anonymous, whatever headers say (X-Remote-User is only honoured from the front proxy).
    const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = https.get(url, { ca: readFileSync(s.caFile), headers: { 'X-Remote-User': 'system:admin', 'X-Remote-Group': 'system:masters' } }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
    expect([401, 403]).toContain(r.status);
    expect(r.body).not.toContain('kwok-node-0');
  });
});
