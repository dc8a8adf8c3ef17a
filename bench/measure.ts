import { spawn } from 'node:child_process';
import https from 'node:https';
import path from 'node:path';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { kubeConfigForToken, readClusterState } from '../cluster/state';
import { TABLE_ACCEPT } from '../lib/k8s/table';

// Measurements that need no browser: the raw LIST floor, kubectl, and the console's paged pods route.

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export async function repeat(n: number, fn: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}

/** 1. The floor: one LIST of every pod with client-node and the admin token, decoded into client-node's models. */
export async function clientNodeList(token: string): Promise<{ ms: number; items: number }> {
  const api = kubeConfigForToken(token).makeApiClient(CoreV1Api);
  const { ms, value } = await timed(() => api.listPodForAllNamespaces());
  return { ms, items: value.items.length };
}

/** 1 (custom resources). One unpaged LIST of a custom resource in all namespaces with client-node. */
export async function clientNodeCustomList(token: string, crd: { group: string; version: string; plural: string }): Promise<{ ms: number; items: number }> {
  const api = kubeConfigForToken(token).makeApiClient(CustomObjectsApi);
  const { ms, value } = await timed(() => api.listCustomObjectForAllNamespaces({ group: crd.group, version: crd.version, plural: crd.plural }));
  return { ms, items: (value as { items: unknown[] }).items.length };
}

/** One GET to the API server over plain HTTPS with `token`: the whole answer's bytes. */
async function getBytes(token: string, pathAndQuery: string, accept = 'application/json'): Promise<Buffer> {
  const { server, caFile } = readClusterState();
  const ca = (await import('node:fs')).readFileSync(caFile);
  return new Promise<Buffer>((resolve, reject) => {
    https.get(`${server}${pathAndQuery}`, { ca, headers: { Authorization: `Bearer ${token}`, Accept: accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** The same LIST over plain HTTPS and JSON.parse: the bytes of raw JSON per object. */
export async function rawList(token: string, collection = '/api/v1/pods'): Promise<{ ms: number; items: number; bytes: number }> {
  const t0 = performance.now();
  const text = await getBytes(token, collection);
  const items = (JSON.parse(text.toString('utf8')) as { items: unknown[] }).items.length;
  return { ms: performance.now() - t0, items, bytes: text.length };
}

/**
 * What the console's route reads for a Table-backed kind: every page of the API server's Table (includeObject=Metadata)
 * at `limit`, each fetched and JSON.parsed in turn. Its continue pages come from the watch cache or from etcd (see
 * lib/k8s/list-page.ts), so this, not the unpaged LIST, is what a paging client can reach.
 */
export async function pagedTableList(token: string, collection: string, limit: number): Promise<{ ms: number; items: number; pages: number }> {
  const t0 = performance.now();
  let items = 0;
  let pages = 0;
  let cont = '';
  do {
    const q = `limit=${limit}&includeObject=Metadata${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`;
    const text = await getBytes(token, `${collection}?${q}`, TABLE_ACCEPT);
    const page = JSON.parse(text.toString('utf8')) as { rows: unknown[]; metadata: { continue?: string } };
    items += page.rows.length;
    pages++;
    cont = page.metadata.continue ?? '';
  } while (cont);
  return { ms: performance.now() - t0, items, pages };
}

/** 2. `kubectl get pods -A` with the project's kubectl and the admin token; output read and thrown away. */
export function kubectlGetPods(token: string): Promise<number> {
  const { binDir, server, caFile } = readClusterState();
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(path.join(binDir, 'kubectl'), ['--server', server, '--certificate-authority', caFile, '--token', token, 'get', 'pods', '-A'], { stdio: ['ignore', 'pipe', 'pipe'] });
    p.stdout.resume();
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`kubectl failed: ${err}`))));
  });
}

interface RoutePage { rows: unknown[]; continue?: string; total?: number }

async function getPage(url: string, cookie: string, query: string, kind: string): Promise<RoutePage> {
  const res = await fetch(`${url}/api/k8s/${kind}?${query}`, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } });
  if (!res.ok) throw new Error(`${kind} route answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as RoutePage;
}

/** 3. The console's list route (pods unless told): the first page, and every page in turn (`limit` rows each). */
export async function routeFirstPage(url: string, cookie: string, limit: number, kind = 'pods'): Promise<number> {
  return (await timed(() => getPage(url, cookie, `limit=${limit}`, kind))).ms;
}

export async function routeWalk(url: string, cookie: string, limit: number, kind = 'pods'): Promise<{ ms: number; rows: number; pages: number }> {
  const t0 = performance.now();
  let rows = 0;
  let pages = 0;
  let cont: string | undefined;
  do {
    const p = await getPage(url, cookie, `limit=${limit}${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`, kind);
    rows += p.rows.length;
    pages++;
    cont = p.continue;
  } while (cont);
  return { ms: performance.now() - t0, rows, pages };
}
