import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApiextensionsV1Api, AppsV1Api, BatchV1Api, CoreV1Api, KubeConfig, KubernetesObject, V1Deployment } from '@kubernetes/client-node';
import { applyAll, loadManifests } from './apply';
import { waitFor } from './health';
import { paths } from './paths';

/** Token file name → the ServiceAccount it is minted for (see seed/accounts.yaml). */
export const tokenAccounts = {
  'admin-user': { namespace: 'kube-system', name: 'admin-user' },
  viewer: { namespace: 'default', name: 'viewer' },
  'team-a-editor': { namespace: 'team-a', name: 'editor' },
} as const;
export type TokenName = keyof typeof tokenAccounts;

export const tokenLifetimeSeconds = 24 * 60 * 60;

const ns = (o: KubernetesObject) => o.metadata?.namespace ?? 'default';

/** Mints a 24 h TokenRequest token for every seeded account into .cluster/tokens/. */
export async function mintTokens(kc: KubeConfig): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api);
  mkdirSync(paths.tokens, { recursive: true, mode: 0o700 });
  for (const [file, sa] of Object.entries(tokenAccounts)) {
    const res = await core.createNamespacedServiceAccountToken({
      ...sa,
      body: { spec: { audiences: [], expirationSeconds: tokenLifetimeSeconds } },
    });
    const token = res.status?.token;
    if (!token) throw new Error(`TokenRequest for ${sa.namespace}/${sa.name} returned no token`);
    writeFileSync(path.join(paths.tokens, file), token + '\n', { mode: 0o600 });
  }
}

async function waitForDefaultServiceAccounts(core: CoreV1Api, namespaces: string[]): Promise<void> {
  // The ServiceAccount admission plugin rejects pods until the namespace's "default" account exists.
  await waitFor(
    `default ServiceAccounts in ${namespaces.join(', ')}`,
    async () => {
      for (const namespace of namespaces) await core.readNamespacedServiceAccount({ name: 'default', namespace });
      return true;
    },
    { timeoutMs: 60_000, intervalMs: 250 },
  );
}

/** Waits until every seeded Deployment is fully available and every seeded bare Pod is Running and Ready. */
async function waitForWorkloads(kc: KubeConfig, workloads: KubernetesObject[], timeoutMs: number): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api);
  const apps = kc.makeApiClient(AppsV1Api);
  await waitFor(
    'seeded pods Running',
    async () => {
      for (const o of workloads) {
        if (o.kind === 'Deployment') {
          const d: V1Deployment = await apps.readNamespacedDeployment({ name: o.metadata!.name!, namespace: ns(o) });
          const want = d.spec?.replicas ?? 1;
          const s = d.status;
          if (s?.readyReplicas !== want || s?.updatedReplicas !== want || s?.replicas !== want) return false;
          if ((s?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) return false;
        } else if (o.kind === 'Pod') {
          const p = await core.readNamespacedPod({ name: o.metadata!.name!, namespace: ns(o) });
          if (p.status?.phase !== 'Running' || !p.status.podIP) return false;
        }
      }
      return true;
    },
    { timeoutMs, intervalMs: 500 },
  );
}

/** The CRDs of kinds.yaml first (Established before their objects), then the rest. */
async function applyKinds(kc: KubeConfig, kinds: KubernetesObject[]): Promise<void> {
  const crds = kinds.filter((o) => o.kind === 'CustomResourceDefinition');
  await applyAll(kc, crds);
  const ext = kc.makeApiClient(ApiextensionsV1Api);
  await waitFor(
    'seeded CRDs Established',
    async () => {
      for (const c of crds) {
        const got = await ext.readCustomResourceDefinition({ name: c.metadata!.name! });
        if (!got.status?.conditions?.some((x) => x.type === 'Established' && x.status === 'True')) return false;
      }
      return true;
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
  // Discovery of a new group can lag its Established condition by a moment: retry until the objects apply.
  await waitFor('seeded objects applied', () => applyAll(kc, kinds.filter((o) => o.kind !== 'CustomResourceDefinition')).then(() => true, () => false), { timeoutMs: 30_000, intervalMs: 500 });
}

/** StatefulSets and DaemonSets Ready, Jobs Complete, claims Bound. */
async function kindSettled(kc: KubeConfig, o: KubernetesObject): Promise<boolean> {
  const name = o.metadata!.name!;
  const namespace = ns(o);
  const apps = kc.makeApiClient(AppsV1Api);
  if (o.kind === 'StatefulSet') {
    const s = await apps.readNamespacedStatefulSet({ name, namespace });
    return (s.status?.readyReplicas ?? 0) === (s.spec?.replicas ?? 1);
  }
  if (o.kind === 'DaemonSet') {
    const d = await apps.readNamespacedDaemonSet({ name, namespace });
    return !!d.status?.desiredNumberScheduled && d.status.numberReady === d.status.desiredNumberScheduled;
  }
  if (o.kind === 'Job') return ((await kc.makeApiClient(BatchV1Api).readNamespacedJob({ name, namespace })).status?.succeeded ?? 0) >= 1;
  if (o.kind === 'PersistentVolumeClaim') return (await kc.makeApiClient(CoreV1Api).readNamespacedPersistentVolumeClaim({ name, namespace })).status?.phase === 'Bound';
  return true;
}

/** Applies the seeded accounts and workload, mints the tokens, and waits for the pods. Safe to run again. */
export async function seed(kc: KubeConfig, timeoutMs = 120_000): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api);
  const accounts = loadManifests(path.join(paths.seedDir, 'accounts.yaml'));
  const workloads = ['workloads.yaml', 'metrics-workloads.yaml'].flatMap((f) => loadManifests(path.join(paths.seedDir, f)));
  const kinds = loadManifests(path.join(paths.seedDir, 'kinds.yaml'));
  await applyAll(kc, accounts);
  await applyAll(kc, workloads.filter((o) => o.kind === 'Namespace'));
  const namespaces = [...new Set(workloads.filter((o) => o.kind === 'Pod' || o.kind === 'Deployment').map(ns))];
  await waitForDefaultServiceAccounts(core, namespaces);
  await applyAll(kc, workloads.filter((o) => o.kind !== 'Namespace'));
  await applyKinds(kc, kinds);
  await mintTokens(kc);
  await waitForWorkloads(kc, workloads, timeoutMs);
  await waitFor('seeded kinds settled', async () => (await Promise.all(kinds.map((o) => kindSettled(kc, o)))).every(Boolean), { timeoutMs, intervalMs: 500 });
}
