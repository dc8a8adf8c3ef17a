import { AppsV1Api, AutoscalingV2Api, CoreV1Api, PatchStrategy, setHeaderOptions, type V1Deployment } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { adminKubeConfig, ensureClusterUp, kubeConfigForToken, readToken } from '@/cluster/state';
import { pollUntil, statusOf } from '@/cluster/test-helpers';
import type { KubeRequest } from '@/lib/k8s/client';
import { RESOURCES } from '@/lib/k8s/resources';
import type { ActionTarget } from './target';

// scaleTo and findHpa against the local API server, with real tokens; effects are read independently with
// client-node as the cluster admin. Everything lives in a namespace of this run's own, deleted at the end.
//
// kubeRequest is the real one. It is only observed: every PATCH it sends is logged with the resourceVersion it
// carried and the status the API server answered, and a test may have the admin write to the object right before
// scaleTo's PATCH goes out, which is the only way to put a concurrent change between its read and its write
// deterministically.

vi.mock('server-only', () => ({}));
const observed = vi.hoisted(() => ({
  patches: [] as { resourceVersion?: string; status: number }[],
  beforeNextPatch: undefined as (() => Promise<unknown>) | undefined,
}));
vi.mock('@/lib/k8s/client', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/k8s/client')>();
  const { ApiError } = await import('@/lib/k8s/errors');
  async function kubeRequest<T>(token: string, req: KubeRequest) {
    if (req.method !== 'PATCH') return real.kubeRequest<T>(token, req);
    const concurrentWrite = observed.beforeNextPatch;
    observed.beforeNextPatch = undefined;
    if (concurrentWrite) await concurrentWrite();
    const resourceVersion = (req.body as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion;
    try {
      const res = await real.kubeRequest<T>(token, req);
      observed.patches.push({ resourceVersion, status: res.status });
      return res;
    } catch (e) {
      observed.patches.push({ resourceVersion, status: e instanceof ApiError ? e.body.status : -1 });
      throw e;
    }
  }
  return { ...real, kubeRequest };
});
const { scaleTo, findHpa } = await import('./scale');

const ns = `int-scale-${randomBytes(3).toString('hex')}`;
const apps = () => adminKubeConfig().makeApiClient(AppsV1Api);
const hpas = () => adminKubeConfig().makeApiClient(AutoscalingV2Api);
const target = (name: string): ActionTarget => ({ kindName: 'deployments', r: RESOURCES.deployments, namespace: ns, name });
const read = (name: string) => apps().readNamespacedDeployment({ namespace: ns, name });

// One Deployment per test, so no test sees another's changes.
const DEPLOYMENTS = ['plain', 'conflict', 'race', 'retry', 'forbidden', 'autoscaled'] as const;

function deployment(name: string): V1Deployment {
  const labels = { app: name };
  return {
    metadata: { name, labels },
    spec: {
      replicas: 3, selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:alpine' }] } },
    },
  };
}

/** Rolled out and quiet: the deployment controller has nothing left to write, so the resourceVersion stays put. */
function settled(d: V1Deployment): boolean {
  const st = d.status ?? {};
  const replicas = d.spec?.replicas ?? 0;
  return (st.observedGeneration ?? 0) >= (d.metadata?.generation ?? 1) && st.replicas === replicas && st.updatedReplicas === replicas
    && st.readyReplicas === replicas && st.availableReplicas === replicas
    && !!st.conditions?.some((c) => c.type === 'Progressing' && c.reason === 'NewReplicaSetAvailable');
}

function hpa(name: string, ref: { kind: string; name: string; apiVersion: string }, minReplicas: number, maxReplicas: number) {
  return {
    metadata: { name },
    spec: {
      scaleTargetRef: ref, minReplicas, maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    },
  };
}

const setReplicas = (name: string, replicas: number) =>
  apps().replaceNamespacedDeploymentScale({ namespace: ns, name, body: { metadata: { name, namespace: ns }, spec: { replicas } } });

describe('scaleTo and findHpa (real API server)', () => {
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
    admin = readToken('admin-user');
    viewer = readToken('viewer');
    const labels = { 'wheelhouse.test/int': 'scale' };
    await adminKubeConfig().makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: ns, labels } } });
    for (const name of DEPLOYMENTS) await apps().createNamespacedDeployment({ namespace: ns, body: deployment(name) });
    // Listed by name, the three decoys come before the HPA that targets `autoscaled`; 3 replicas is within 2..10, so
    // the HPA controller (which has no metrics here) leaves the Deployment alone.
    for (const body of [
      hpa('a-elsewhere', { kind: 'Deployment', name: 'elsewhere', apiVersion: 'apps/v1' }, 1, 3),
      hpa('b-statefulset', { kind: 'StatefulSet', name: 'autoscaled', apiVersion: 'apps/v1' }, 1, 4),
      hpa('c-other-group', { kind: 'Deployment', name: 'autoscaled', apiVersion: 'example.com/v1' }, 1, 5),
      hpa('d-autoscaled', { kind: 'Deployment', name: 'autoscaled', apiVersion: 'apps/v1' }, 2, 10),
    ]) await hpas().createNamespacedHorizontalPodAutoscaler({ namespace: ns, body });
    for (const name of DEPLOYMENTS) {
      const d = await pollUntil(() => read(name), settled, 60_000);
      expect(settled(d) || d.status, name).toBe(true);
    }
  });

  afterAll(async () => {
    await statusOf(() => adminKubeConfig().makeApiClient(CoreV1Api).deleteNamespace({ name: ns }));
  });

  beforeEach(() => {
    observed.patches.length = 0;
    observed.beforeNextPatch = undefined;
  });

  describe('scaleTo', () => {
    it('sets spec.replicas through the scale subresource, conditional on the resourceVersion it read', async () => {
      const before = await read('plain');
      const res = await scaleTo(admin, target('plain'), { replicas: 5, expectedReplicas: 3 });
      expect(res).toEqual({ replicas: 5, previous: 3, warnings: [] });
      expect(observed.patches).toEqual([{ resourceVersion: before.metadata!.resourceVersion, status: 200 }]);
      const after = await read('plain');
      expect(after.spec!.replicas).toBe(5);
      expect(after.metadata!.generation).toBe(before.metadata!.generation! + 1);
    });

    it('refuses with 409 when someone else changed the replicas, without patching', async () => {
      await setReplicas('conflict', 7);
      const before = await read('conflict');
      await expect(scaleTo(admin, target('conflict'), { replicas: 5, expectedReplicas: 3 })).rejects.toMatchObject({
        body: {
          status: 409, reason: 'Conflict',
          message: expect.stringContaining('were changed to 7 (you saw 3) by someone else meanwhile; nothing was changed'),
        },
      });
      expect(observed.patches).toEqual([]);
      const after = await read('conflict');
      expect(after.spec!.replicas).toBe(7);
      expect(after.metadata!.generation).toBe(before.metadata!.generation);
    });

    it('refuses with 409 when the replicas change between its read and its write', async () => {
      const before = await read('race');
      observed.beforeNextPatch = () => setReplicas('race', 7);
      await expect(scaleTo(admin, target('race'), { replicas: 5, expectedReplicas: 3 })).rejects.toMatchObject({
        body: { status: 409, reason: 'Conflict', message: expect.stringContaining('were changed to 7 (you saw 3)') },
      });
      // The API server refused the stale write; the re-read saw 7 and stopped there.
      expect(observed.patches).toEqual([{ resourceVersion: before.metadata!.resourceVersion, status: 409 }]);
      const after = await read('race');
      expect(after.spec!.replicas).toBe(7);
      expect(after.metadata!.generation).toBe(before.metadata!.generation! + 1);
    });

    it('retries when only the resourceVersion moved', async () => {
      const before = await read('retry');
      let touched = '';
      // A label: unlike an annotation it does not bump the generation, so no status write by the controller follows.
      observed.beforeNextPatch = async () => {
        const d = await apps().patchNamespacedDeployment(
          { namespace: ns, name: 'retry', body: { metadata: { labels: { 'wheelhouse.test/touched': 'yes' } } } },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
        );
        touched = d.metadata!.resourceVersion!;
      };
      const res = await scaleTo(admin, target('retry'), { replicas: 5, expectedReplicas: 3 });
      expect(res).toEqual({ replicas: 5, previous: 3, warnings: [] });
      expect(touched).not.toBe(before.metadata!.resourceVersion);
      expect(observed.patches).toEqual([
        { resourceVersion: before.metadata!.resourceVersion, status: 409 },
        { resourceVersion: touched, status: 200 },
      ]);
      const after = await read('retry');
      expect(after.spec!.replicas).toBe(5);
      expect(after.metadata!.labels).toMatchObject({ 'wheelhouse.test/touched': 'yes' });
    });

    it("passes the viewer's 403 through and changes nothing", async () => {
      const before = await read('forbidden');
      for (const req of [{ replicas: 5 }, { replicas: 5, expectedReplicas: 3 }]) {
        await expect(scaleTo(viewer, target('forbidden'), req)).rejects.toMatchObject({ body: { status: 403, reason: 'Forbidden' } });
      }
      expect(observed.patches).toEqual([{ status: 403 }, { resourceVersion: before.metadata!.resourceVersion, status: 403 }]);
      const after = await read('forbidden');
      expect(after.spec!.replicas).toBe(3);
      expect(after.metadata!.generation).toBe(before.metadata!.generation);
    });
  });

  describe('findHpa', () => {
    it('finds the HPA that targets the deployment by kind, name and group, and ignores the others', async () => {
      const listed = await hpas().listNamespacedHorizontalPodAutoscaler({ namespace: ns });
      expect(listed.items.map((h) => h.metadata!.name)).toEqual(['a-elsewhere', 'b-statefulset', 'c-other-group', 'd-autoscaled']);
      const expected = { name: 'd-autoscaled', minReplicas: 2, maxReplicas: 10 };
      expect(await findHpa(admin, target('autoscaled'))).toEqual(expected);
      expect(await findHpa(viewer, target('autoscaled'))).toEqual(expected);
      expect(await findHpa(admin, target('plain'))).toBeUndefined();
    });

    it('reports the HPA with the result of scaling within its range', async () => {
      const res = await scaleTo(admin, target('autoscaled'), { replicas: 5, expectedReplicas: 3 });
      expect(res).toEqual({ replicas: 5, previous: 3, hpa: { name: 'd-autoscaled', minReplicas: 2, maxReplicas: 10 }, warnings: [] });
      expect((await read('autoscaled')).spec!.replicas).toBe(5);
    });

    it('gives no warning to a user who may not list HPAs', async () => {
      // The viewer may list HPAs everywhere; team-a-editor may not outside team-a.
      const teamAEditor = readToken('team-a-editor');
      const asEditor = kubeConfigForToken(teamAEditor).makeApiClient(AutoscalingV2Api);
      expect(await statusOf(() => asEditor.listNamespacedHorizontalPodAutoscaler({ namespace: ns }))).toBe(403);
      expect(await findHpa(teamAEditor, target('autoscaled'))).toBeUndefined();
    });
  });
});
