import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { ensureBinaries } from './binaries';
import { readClusterJson, writeClusterJson, type ClusterState } from './cluster-json';
import { audience, componentKubeconfig, componentSpecs, issuer, type Ports } from './components';
import { isHealthy, waitFor } from './health';
import { writeCertKubeconfig } from './kubeconfigs';
import { writeKwokConfig } from './kwok-config';
import { prepareExecSandbox } from './kwok-exec';
import { releaseLockIfMine, withLock } from './lock';
import { ensureNodes, parseNodeCount } from './nodes';
import { metricResolutionSeconds, metricsApiService, metricsServerSpec, setUpMetricsServer, waitForMetricsApi } from './metrics-server';
import { logFile, paths } from './paths';
import { createPki } from './pki';
import { PortPicker } from './ports';
import { isRunning, readProcessRecords, startDetached, tailLog } from './processes';
import { mintTokens, seed } from './seed';
import { teardown } from './teardown';

export interface UpOptions {
  nodes?: number;
  log?: (line: string) => void;
}

/** A step of `up` that failed; `logTail` is the last 40 lines of the failing component's log, when there is one. */
export class ClusterUpError extends Error {
  constructor(message: string, readonly component: string, readonly logTail?: string) {
    super(message);
  }
}

const defaultNodes = () => parseNodeCount(process.env.WHEELHOUSE_NODES ?? '3', 'WHEELHOUSE_NODES');
const startTimeoutMs: Record<string, number> = { 'kube-apiserver': 90_000 };

/** True when cluster.json exists, every recorded process still runs, and the API server is ready. */
export async function isClusterUp(): Promise<boolean> {
  if (!existsSync(paths.clusterJson)) return false;
  const records = readProcessRecords();
  if (records.length === 0 || !records.every((r) => isRunning(r.pid, r.binary))) return false;
  const api = records.find((r) => r.component === 'kube-apiserver');
  return !!api && (await isHealthy(api.healthUrl, api.tls));
}

function tokensOlderThan(hours: number): boolean {
  const f = path.join(paths.tokens, 'admin-user');
  return !existsSync(f) || Date.now() - statSync(f).mtimeMs > hours * 3600_000;
}

async function startCluster(nodes: number, log: (l: string) => void, abort: AbortSignal): Promise<ClusterState> {
  const t0 = Date.now();
  log('cluster: building (or reusing cached) binaries ...');
  let bins;
  try {
    bins = await ensureBinaries();
  } catch (e) {
    throw new ClusterUpError((e as Error).message, 'build');
  }
  for (const d of [paths.logs, paths.config]) mkdirSync(d, { recursive: true });
  mkdirSync(paths.tokens, { recursive: true, mode: 0o700 });
  const pki = createPki(paths.pki);
  copyFileSync(pki.caCrt, paths.caCrt);

  const picker = new PortPicker();
  const ports: Ports = {
    apiserver: await picker.pick(6443),
    etcdClient: await picker.pick(),
    etcdPeer: await picker.pick(),
    controllerManager: await picker.pick(),
    scheduler: await picker.pick(),
    kwok: await picker.pick(),
    metricsServer: await picker.pick(),
  };
  const server = `https://127.0.0.1:${ports.apiserver}`;
  writeCertKubeconfig(paths.kubeconfig, server, pki, 'admin', 'admin');
  for (const c of ['kube-controller-manager', 'kube-scheduler', 'kwok']) writeCertKubeconfig(componentKubeconfig(c), server, pki, c, c);
  writeKwokConfig();
  prepareExecSandbox();
  rmSync(paths.etcdData, { recursive: true, force: true });

  const pids: Record<string, number> = {};
  for (const spec of componentSpecs(bins, pki, ports)) {
    const t = Date.now();
    // Checked right before spawning, so nothing starts after a signal handler began tearing down.
    abort.throwIfAborted();
    const record = startDetached({ component: spec.name, binary: spec.binary, port: spec.port, log: logFile(spec.name), healthUrl: spec.healthUrl, tls: spec.tls }, spec.args, spec.env);
    pids[spec.name] = record.pid;
    try {
      await waitFor(spec.name, () => isHealthy(spec.healthUrl, spec.tls), {
        timeoutMs: startTimeoutMs[spec.name] ?? 45_000,
        alive: () => !abort.aborted && isRunning(record.pid, record.binary),
      });
    } catch (e) {
      throw new ClusterUpError(`${spec.name} did not become healthy: ${(e as Error).message}`, spec.name, tailLog(record.log));
    }
    log(`cluster: ${spec.name} healthy on 127.0.0.1:${spec.port} (pid ${record.pid}, ${Date.now() - t} ms)`);
  }

  const kc = new KubeConfig();
  kc.loadFromFile(paths.kubeconfig);
  try {
    await ensureNodes(kc, nodes);
  } catch (e) {
    throw new ClusterUpError(`nodes: ${(e as Error).message}`, 'kwok', tailLog(logFile('kwok')));
  }
  log(`cluster: ${nodes} kwok nodes Ready`);
  // metrics-server starts while the seed is applied and scheduled, so it adds little to `up`.
  const ms = metricsServerSpec(bins, pki, ports);
  abort.throwIfAborted();
  const t = Date.now();
  const metrics = setUpMetricsServer(kc, ms, pki, server, () => !abort.aborted).then(async (pid) => {
    pids[ms.name] = pid;
    log(`cluster: metrics-server live on 127.0.0.1:${ms.port} (pid ${pid}, ${Date.now() - t} ms)`);
    await waitForMetricsApi(kc);
  });
  const [seeded, served] = await Promise.allSettled([seed(kc), metrics]);
  if (seeded.status === 'rejected') {
    throw new ClusterUpError(`seed: ${(seeded.reason as Error).message}`, 'kube-controller-manager', tailLog(logFile('kube-controller-manager')));
  }
  log(`cluster: seeded workload Running (${Math.round((Date.now() - t0) / 100) / 10} s since start)`);
  if (served.status === 'rejected') throw new ClusterUpError((served.reason as Error).message, ms.name, tailLog(logFile(ms.name)));
  log(`cluster: ${metricsApiService} Available (first samples within ${2 * metricResolutionSeconds} s)`);

  const state: ClusterState = {
    server,
    caFile: paths.caCrt,
    kubeconfig: paths.kubeconfig,
    tokensDir: paths.tokens,
    saSigningKeyFile: pki.saKey,
    issuer,
    audience,
    nodes,
    ports: { ...ports },
    pids,
    logsDir: paths.logs,
    etcdDataDir: paths.etcdData,
    binDir: path.dirname(bins.kubectl),
    startedAt: new Date().toISOString(),
  };
  writeClusterJson(state);
  return state;
}

/** Stops what a failed or interrupted `up` started, so nothing stray is left behind. */
async function withCleanupOnFailure<T>(fn: (abort: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    console.error(`\ncluster: ${sig} received, stopping everything that was started ...`);
    controller.abort();
    void teardown({ keepLogs: true }).finally(() => {
      releaseLockIfMine();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await fn(controller.signal);
  } catch (e) {
    // After a signal the handler tears down and exits; settling here would let the caller exit mid-teardown.
    if (controller.signal.aborted) return new Promise<never>(() => {});
    await teardown({ keepLogs: true });
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * Brings the cluster up (build, start, seed) or reuses a running one. Resolves `{state, reused}`; rejects with a
 * ClusterUpError after stopping everything it started.
 */
export async function up(opts: UpOptions = {}): Promise<{ state: ClusterState; reused: boolean }> {
  const log = opts.log ?? ((l: string) => console.error(l));
  if (await isClusterUp()) return reuse();
  return withLock(async () => {
    if (await isClusterUp()) return reuse();
    await teardown();
    const state = await withCleanupOnFailure((abort) => startCluster(opts.nodes ?? defaultNodes(), log, abort));
    return { state, reused: false };
  });

  async function reuse() {
    // Tokens live 24 h; a cluster kept up for days gets fresh ones instead of handing out expired tokens.
    if (tokensOlderThan(12)) {
      const kc = new KubeConfig();
      kc.loadFromFile(paths.kubeconfig);
      await mintTokens(kc);
    }
    return { state: readClusterJson(), reused: true };
  }
}
