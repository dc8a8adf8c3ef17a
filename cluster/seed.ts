import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppsV1Api, CoreV1Api, KubeConfig, KubernetesObject, V1Deployment } from '@kubernetes/client-node';
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

/** Applies the seeded accounts and workload, mints the tokens, and waits for the pods. Safe to run again. */
export async function seed(kc: KubeConfig, timeoutMs = 120_000): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api);
  const accounts = loadManifests(path.join(paths.seedDir, 'accounts.yaml'));
  const workloads = ['workloads.yaml', 'metrics-workloads.yaml'].flatMap((f) => loadManifests(path.join(paths.seedDir, f)));
  await applyAll(kc, accounts);
  await applyAll(kc, workloads.filter((o) => o.kind === 'Namespace'));
  const namespaces = [...new Set(workloads.filter((o) => o.kind === 'Pod' || o.kind === 'Deployment').map(ns))];
  await waitForDefaultServiceAccounts(core, namespaces);
  await applyAll(kc, workloads.filter((o) => o.kind !== 'Namespace'));
  await mintTokens(kc);
  await waitForWorkloads(kc, workloads, timeoutMs);
}
