import type { Admin } from './kube';
import { pool, sleep } from './kube';

// Seeds the benchmark's workload into the shared local cluster and removes it again. Everything it creates carries
// the label wheelhouse.dev/bench=true (namespaces, nodes) so cleanup finds leftovers of an interrupted run too.
//
// Pods are created directly with spec.nodeName (bypassing the scheduler) and kwok marks them Running: the
// ReplicaSet controller creates pods at its default 20 QPS, which would take 25 minutes for 30,000. The 3,000
// Deployments (0 replicas) and 3,000 Services (selecting the pods) are there for their weight in the API server.
// One Deployment, bench-000/probe (3 replicas, real controller-made pods), is what the change-to-visible trials scale.

export interface BenchSize { pods: number; namespaces: number; nodes: number; deployments: number; services: number }

export const BENCH_LABEL = 'wheelhouse.dev/bench';
export const PROBE = { namespace: 'bench-000', name: 'probe', replicas: 3 };
const SIZE_ANNOTATION = 'wheelhouse.dev/bench-size';

export function sizeFor(pods: number, o: Partial<BenchSize> = {}): BenchSize {
  const namespaces = o.namespaces ?? Math.max(1, Math.round(pods / 100));
  return { pods, namespaces, nodes: o.nodes ?? 100, deployments: o.deployments ?? Math.round(pods / 10), services: o.services ?? Math.round(pods / 10) };
}

const pad = (n: number, w = 3) => String(n).padStart(w, '0');
const nsName = (i: number) => `bench-${pad(i)}`;
const nodeName = (i: number) => `kwok-bench-${pad(i)}`;
const capacity = { cpu: '1000', memory: '4Ti', pods: '1000' };

function spread(total: number, buckets: number, i: number): number {
  return Math.floor(total / buckets) + (i < total % buckets ? 1 : 0);
}

type Answer = Promise<{ status: number; body: unknown }>;

async function must(p: Answer, what: string, ok = [409]): Promise<void> {
  const { status, body } = await p;
  if (status >= 300 && !ok.includes(status)) throw new Error(`${what}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
}

/** A create that an overloaded API server answered 429 or 5xx is tried again (a retried create may then meet 409). */
async function create(send: () => Answer, what: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const r = await send();
    if ((r.status !== 429 && r.status < 500) || attempt === 5) return must(Promise.resolve(r), what);
    await sleep(1000 * attempt);
  }
}

const container = { name: 'web', image: 'nginx:alpine', ports: [{ containerPort: 80, name: 'http' }], resources: { requests: { cpu: '10m', memory: '16Mi' } } };

function objects(size: BenchSize, ns: number) {
  const namespace = nsName(ns);
  const apps = Math.max(1, spread(size.deployments, size.namespaces, ns));
  const services = spread(size.services, size.namespaces, ns);
  const pods = spread(size.pods, size.namespaces, ns);
  const app = (i: number) => `web-${pad(i % apps, 2)}`;
  const deployments = Array.from({ length: spread(size.deployments, size.namespaces, ns) }, (_, i) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app(i), namespace, labels: { app: app(i) } },
    spec: {
      replicas: 0, selector: { matchLabels: { app: app(i), tier: 'deployment' } },
      template: { metadata: { labels: { app: app(i), tier: 'deployment' } }, spec: { containers: [container] } },
    },
  }));
  const svcs = Array.from({ length: services }, (_, i) => ({
    apiVersion: 'v1', kind: 'Service', metadata: { name: app(i), namespace, labels: { app: app(i) } },
    spec: { selector: { app: app(i), tier: 'bench' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  }));
  const podList = Array.from({ length: pods }, (_, i) => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: `${app(i)}-7c9d8f6b5-${pad(i, 5)}`, namespace, labels: { app: app(i), tier: 'bench', 'pod-template-hash': '7c9d8f6b5' } },
    spec: { nodeName: nodeName((ns * pods + i) % size.nodes), containers: [container], terminationGracePeriodSeconds: 0 },
  }));
  return { namespace, deployments, services: svcs, pods: podList };
}

async function waitUntil(what: string, check: () => Promise<boolean>, log: (s: string) => void, intervalMs = 1000, timeoutMs = 1_800_000): Promise<void> {
  const start = Date.now();
  let said = start;
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    if (Date.now() - said > 15_000) {
      log(`  … still waiting for ${what} (${Math.round((Date.now() - start) / 1000)} s)`);
      said = Date.now();
    }
    await sleep(intervalMs);
  }
}

async function seededSize(admin: Admin): Promise<string | undefined> {
  const r = await admin.request<{ metadata?: { annotations?: Record<string, string> } }>('GET', `/api/v1/namespaces/${nsName(0)}`);
  return r.status === 200 ? r.body.metadata?.annotations?.[SIZE_ANNOTATION] : undefined;
}

async function notRunning(admin: Admin): Promise<number> {
  const q = `labelSelector=${encodeURIComponent('tier=bench')}&fieldSelector=${encodeURIComponent('status.phase!=Running')}&limit=500`;
  const r = await admin.request<{ items?: unknown[] }>('GET', `/api/v1/pods?${q}`);
  return r.body.items?.length ?? 0;
}

interface Listed { metadata: { generation?: number; namespace?: string }; status?: { observedGeneration?: number }; endpoints?: { conditions?: { ready?: boolean } }[] }

async function listAll(admin: Admin, path: string, selector: string): Promise<Listed[]> {
  const out: Listed[] = [];
  let cont = '';
  do {
    const r = await admin.request<{ items?: Listed[]; metadata?: { continue?: string } }>('GET', `${path}?limit=1000&labelSelector=${encodeURIComponent(selector)}${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
    out.push(...(r.body.items ?? []));
    cont = r.body.metadata?.continue ?? '';
  } while (cont);
  return out;
}

/**
 * The controller-manager's work on the seeded objects is done: every Deployment observed with its ReplicaSet, and
 * every Service's EndpointSlice lists its ready pods. Measuring earlier would time their 20-QPS backlog.
 */
async function settled(admin: Admin, size: BenchSize): Promise<boolean> {
  const observed = (o: Listed) => (o.status?.observedGeneration ?? 0) >= (o.metadata.generation ?? 1);
  const deployments = await listAll(admin, '/apis/apps/v1/deployments', 'app');
  const bench = deployments.filter((d) => d.metadata.namespace?.startsWith('bench-'));
  if (bench.length < size.deployments || !bench.every(observed)) return false;
  const sets = (await listAll(admin, '/apis/apps/v1/replicasets', 'tier=deployment')).filter((r) => r.metadata.namespace?.startsWith('bench-'));
  if (sets.length < size.deployments || !sets.every(observed)) return false;
  const slices = (await listAll(admin, '/apis/discovery.k8s.io/v1/endpointslices', 'kubernetes.io/service-name')).filter((e) => e.metadata.namespace?.startsWith('bench-'));
  const ready = slices.reduce((n, e) => n + (e.endpoints ?? []).filter((p) => p.conditions?.ready).length, 0);
  return slices.length >= size.services && ready >= Math.min(size.pods, size.services * Math.floor(size.pods / Math.max(1, size.deployments)));
}

/** Creates the workload (or reuses an identical one left by `--keep`) and waits until every pod is Running. */
export async function seed(admin: Admin, size: BenchSize, log: (s: string) => void): Promise<void> {
  if ((await seededSize(admin)) === JSON.stringify(size) && (await notRunning(admin)) === 0) {
    log(`reusing the seeded workload (${size.pods} pods)`);
    return;
  }
  await cleanup(admin, log);
  const t0 = Date.now();
  const label = { [BENCH_LABEL]: 'true' };
  log(`seeding ${size.nodes} nodes, ${size.namespaces} namespaces, ${size.deployments} deployments, ${size.services} services, ${size.pods} pods`);
  await pool(Array.from({ length: size.nodes }, (_, i) => i), 16, (i) => must(admin.request('POST', '/api/v1/nodes', {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: nodeName(i), labels: { ...label, type: 'kwok', 'kubernetes.io/hostname': nodeName(i) }, annotations: { 'kwok.x-k8s.io/node': 'fake', 'metrics.k8s.io/resource-metrics-path': `/metrics/nodes/${nodeName(i)}/metrics/resource` } },
    status: { capacity, allocatable: capacity },
  }), `node ${i}`));
  const all = Array.from({ length: size.namespaces }, (_, i) => objects(size, i));
  await pool(all, 16, (o) => must(admin.request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: o.namespace, labels: label } }), o.namespace));
  await waitUntil('default ServiceAccounts', async () => {
    const r = await admin.request<{ items?: { metadata: { namespace: string } }[] }>('GET', `/api/v1/serviceaccounts?fieldSelector=${encodeURIComponent('metadata.name=default')}`);
    const have = new Set((r.body.items ?? []).map((s) => s.metadata.namespace));
    return all.every((o) => have.has(o.namespace));
  }, log);
  const probe = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: PROBE.name, namespace: PROBE.namespace },
    spec: { replicas: PROBE.replicas, selector: { matchLabels: { app: PROBE.name } }, template: { metadata: { labels: { app: PROBE.name } }, spec: { containers: [container], terminationGracePeriodSeconds: 0 } } },
  };
  await must(admin.request('POST', `/apis/apps/v1/namespaces/${PROBE.namespace}/deployments`, probe), 'probe');
  // Deployments and Services first: their controllers (20 QPS each) work through them while the pods are created.
  const creates = all.flatMap((o) => [
    ...o.deployments.map((d) => ({ path: `/apis/apps/v1/namespaces/${o.namespace}/deployments`, body: d as object })),
    ...o.services.map((s) => ({ path: `/api/v1/namespaces/${o.namespace}/services`, body: s as object })),
  ]).concat(all.flatMap((o) => o.pods.map((p) => ({ path: `/api/v1/namespaces/${o.namespace}/pods`, body: p as object }))));
  await pool(creates, 32, (c) => create(() => admin.request('POST', c.path, c.body), c.path), (n) => log(`  created ${n} of ${creates.length} objects`), 5000);
  log(`  created in ${Math.round((Date.now() - t0) / 1000)} s; waiting for kwok to run the pods`);
  await waitUntil('pods Running', async () => (await notRunning(admin)) === 0, log);
  await waitUntil('probe deployment ready', async () => {
    const r = await admin.request<{ status?: { readyReplicas?: number } }>('GET', `/apis/apps/v1/namespaces/${PROBE.namespace}/deployments/${PROBE.name}`);
    return r.body.status?.readyReplicas === PROBE.replicas;
  }, log);
  await waitUntil('controllers to settle (ReplicaSets, EndpointSlices)', () => settled(admin, size), log, 5000);
  await must(admin.request('PATCH', `/api/v1/namespaces/${nsName(0)}`, { metadata: { annotations: { [SIZE_ANNOTATION]: JSON.stringify(size) } } }, 'application/merge-patch+json'), 'mark');
  log(`seeded in ${Math.round((Date.now() - t0) / 1000)} s`);
}

/** Deletes every bench namespace (pods first, without grace, so kwok has nothing to drain) and node. */
export async function cleanup(admin: Admin, log: (s: string) => void): Promise<void> {
  const sel = `labelSelector=${encodeURIComponent(`${BENCH_LABEL}=true`)}`;
  const nss = (await admin.request<{ items?: { metadata: { name: string } }[] }>('GET', `/api/v1/namespaces?${sel}`)).body.items ?? [];
  const nodes = (await admin.request<{ items?: { metadata: { name: string } }[] }>('GET', `/api/v1/nodes?${sel}`)).body.items ?? [];
  if (!nss.length && !nodes.length) return;
  log(`removing ${nss.length} bench namespaces and ${nodes.length} bench nodes`);
  await pool(nss, 8, async (n) => {
    await must(admin.request('DELETE', `/api/v1/namespaces/${n.metadata.name}/pods?gracePeriodSeconds=0`), `pods in ${n.metadata.name}`, [404]);
    await must(admin.request('DELETE', `/api/v1/namespaces/${n.metadata.name}`), n.metadata.name, [404, 409]);
  });
  await pool(nodes, 16, (n) => must(admin.request('DELETE', `/api/v1/nodes/${n.metadata.name}`), n.metadata.name, [404]));
  await waitUntil('bench namespaces gone', async () => !((await admin.request<{ items?: unknown[] }>('GET', `/api/v1/namespaces?${sel}`)).body.items ?? []).length, log);
  log('bench workload removed');
}
