import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Admin } from './kube';
import { pool, sleep } from './kube';
import { BENCH_LABEL } from './seed';

// The custom-resource case's workload: N objects of the seeded CRD (backups.ops.wheelhouse.io, cluster/seed/kinds.yaml,
// with non-trivial additionalPrinterColumns), spread over the bench namespaces so they go when those go. They are not
// pods: no controller acts on them, so they are simply created, 32 at a time. Names are unique across namespaces
// (`backup-00000`…), so the browser can find a row by name; the first one (bench-000/backup-00000) sorts first
// in the all-namespaces view and is the object the change-to-visible trials patch.

export const CRD = { name: 'backups.ops.wheelhouse.io', group: 'ops.wheelhouse.io', version: 'v1', plural: 'backups' };
export const CR_PROBE = { namespace: 'bench-000', name: 'backup-00000' };
const collection = `/apis/${CRD.group}/${CRD.version}/${CRD.plural}`;
const inNamespace = (ns: string) => `/apis/${CRD.group}/${CRD.version}/namespaces/${ns}/${CRD.plural}`;
const selector = `labelSelector=${encodeURIComponent(`${BENCH_LABEL}=true`)}`;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const PHASES = ['Succeeded', 'Running', 'Failed', 'Pending'];

/** The CRD from the cluster's seed, created if a cleanup or a test removed it. */
async function ensureCrd(admin: Admin, log: (s: string) => void): Promise<void> {
  const path0 = `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${CRD.name}`;
  if ((await admin.request('GET', path0)).status === 200) return;
  const text = readFileSync(path.resolve(__dirname, '..', 'cluster', 'seed', 'kinds.yaml'), 'utf8');
  const crd = parseAllDocuments(text).map((d) => d.toJSON() as { kind?: string; metadata?: { name?: string } })
    .find((d) => d?.kind === 'CustomResourceDefinition' && d.metadata?.name === CRD.name);
  if (!crd) throw new Error(`${CRD.name} is not in cluster/seed/kinds.yaml`);
  log(`creating the CRD ${CRD.name}`);
  const r = await admin.request('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
  if (r.status >= 300 && r.status !== 409) throw new Error(`CRD: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  for (let i = 0; i < 120; i++) {
    if ((await admin.request('GET', `${collection}?limit=1`)).status === 200) return;
    await sleep(500);
  }
  throw new Error(`${CRD.name} was not served within 60 s`);
}

/** How many bench objects of the CRD exist (one `limit=1` page and remainingItemCount). */
export async function countCustomResources(admin: Admin): Promise<number> {
  const r = await admin.request<{ items?: unknown[]; metadata?: { remainingItemCount?: number } }>('GET', `${collection}?limit=1&${selector}`);
  return r.status === 200 ? (r.body.items?.length ?? 0) + (r.body.metadata?.remainingItemCount ?? 0) : 0;
}

function backup(i: number, namespace: string) {
  return {
    apiVersion: `${CRD.group}/${CRD.version}`, kind: 'Backup',
    metadata: { name: `backup-${pad(i, 5)}`, namespace, labels: { [BENCH_LABEL]: 'true', app: `web-${pad(i % 10, 2)}` } },
    spec: { source: `pvc/data-web-${pad(i % 10, 2)}-${i % 3}`, schedule: `${i % 60} ${i % 24} * * *`, retainDays: 7 + (i % 30) },
    status: { phase: PHASES[i % PHASES.length], sizeBytes: 1_048_576 * (1 + (i % 500)), lastBackup: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString() },
  };
}

/**
 * Creates `count` objects over `namespaces` bench namespaces (which must exist), or reuses as many left by `--keep`.
 * Returns the seconds it took to create them (0 when reused).
 */
export async function seedCustomResources(admin: Admin, count: number, namespaces: number, log: (s: string) => void): Promise<number> {
  await ensureCrd(admin, log);
  const have = await countCustomResources(admin);
  if (have === count) {
    log(`reusing the ${count} seeded ${CRD.plural}`);
    return 0;
  }
  if (have) await removeCustomResources(admin, namespaces, log);
  const t0 = Date.now();
  log(`seeding ${count} ${CRD.plural} in ${namespaces} namespaces`);
  const items = Array.from({ length: count }, (_, i) => ({ i, namespace: `bench-${pad(i % namespaces, 3)}` }));
  await pool(items, 32, async ({ i, namespace }) => {
    const r = await admin.request('POST', inNamespace(namespace), backup(i, namespace));
    if (r.status >= 300 && r.status !== 409) throw new Error(`${CRD.plural} ${i}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  }, (n) => log(`  created ${n} of ${count} ${CRD.plural}`), 2000);
  const seconds = (Date.now() - t0) / 1000;
  log(`  ${CRD.plural} created in ${seconds.toFixed(1)} s`);
  return seconds;
}

/** Deletes the bench objects of the CRD namespace by namespace (the namespaces' own deletion also takes them). */
export async function removeCustomResources(admin: Admin, namespaces: number, log: (s: string) => void): Promise<void> {
  if (!(await countCustomResources(admin))) return;
  log(`removing the bench ${CRD.plural}`);
  await pool(Array.from({ length: namespaces }, (_, i) => `bench-${pad(i, 3)}`), 8, async (ns) => {
    const r = await admin.request('DELETE', `${inNamespace(ns)}?${selector}`);
    if (r.status >= 300 && r.status !== 404) throw new Error(`${CRD.plural} in ${ns}: ${r.status}`);
  });
}
