import { AppsV1Api, CoreV1Api, PatchStrategy, setHeaderOptions, V1Pod } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeLogText } from './kwok-config';
import { ensureClusterUp, kubeConfigForToken, readToken } from './state';
import { pollUntil } from './test-helpers';

const isRunning = (p: V1Pod) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp && !!p.status.podIP;

describe('seeded workload, as the admin-user ServiceAccount', () => {
  let core: CoreV1Api;
  let apps: AppsV1Api;

  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
    const kc = kubeConfigForToken(readToken('admin-user'));
    core = kc.makeApiClient(CoreV1Api);
    apps = kc.makeApiClient(AppsV1Api);
  });

  it('lists 3 Ready kwok nodes with a loopback InternalIP', async () => {
    const { items } = await core.listNode();
    const kwok = items.filter((n) => n.metadata?.labels?.type === 'kwok');
    expect(kwok.map((n) => n.metadata?.name).sort()).toEqual(['kwok-node-0', 'kwok-node-1', 'kwok-node-2']);
    for (const n of kwok) {
      expect(n.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
      expect(n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address).toBe('127.0.0.1');
      expect(n.spec?.podCIDR).toMatch(/^10\.244\./);
    }
  });

  it('lists the seeded pods Running on kwok nodes with pod IPs', async () => {
    const { items } = await core.listPodForAllNamespaces();
    const seeded = items.filter((p) => ['default', 'team-a', 'team-b'].includes(p.metadata!.namespace!));
    const byApp = (ns: string, app: string) => seeded.filter((p) => p.metadata?.namespace === ns && p.metadata.labels?.app === app);
    expect(byApp('default', 'nginx')).toHaveLength(3);
    expect(byApp('default', 'web')).toHaveLength(1);
    expect(byApp('team-a', 'api')).toHaveLength(2);
    expect(byApp('team-b', 'worker')).toHaveLength(1);
    for (const p of seeded) {
      // A Job's pod (team-a/migrate) has run to completion; every other seeded pod keeps running.
      const byJob = p.metadata?.ownerReferences?.some((o) => o.kind === 'Job');
      expect(p.status?.phase, p.metadata?.name).toBe(byJob ? 'Succeeded' : 'Running');
      expect(p.spec?.nodeName).toMatch(/^kwok-node-\d+$/);
      expect(p.status?.podIP).toMatch(/^10\.244\./);
    }
  });

  it('scales nginx to 5 Running pods within 30 s and back to 3', async () => {
    const scale = (replicas: number) =>
      apps.patchNamespacedDeploymentScale(
        { name: 'nginx', namespace: 'default', body: { spec: { replicas } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
    const running = async () =>
      (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=nginx' })).items.filter(isRunning).length;
    try {
      const scaled = await scale(5);
      expect(scaled.spec?.replicas).toBe(5);
      expect(await pollUntil(running, (n) => n === 5, 30_000)).toBe(5);
      await scale(3);
      expect(await pollUntil(async () => (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=nginx' })).items.length, (n) => n === 3, 30_000)).toBe(3);
      expect(await running()).toBe(3);
    } finally {
      await scale(3);
    }
  });

  it("serves kwok's fake container log through pods/log", async () => {
    const log = await core.readNamespacedPodLog({ name: 'web-site', namespace: 'default', container: 'helloecho' });
    expect(log).toContain(fakeLogText);
    expect(log.trim().split('\n').length).toBeGreaterThanOrEqual(3);
  });
});
