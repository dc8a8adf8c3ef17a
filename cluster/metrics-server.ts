import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApiregistrationV1Api, KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { applyAll, loadManifests } from './apply';
import type { Binaries } from './binaries';
import { readClusterJson, writeClusterJson } from './cluster-json';
import { componentKubeconfig, type ComponentSpec, type Ports } from './components';
import { isHealthy, waitFor } from './health';
import { writeCertKubeconfig } from './kubeconfigs';
import { logFile, paths } from './paths';
import type { Pki } from './pki';
import { isRunning, readProcessRecords, startDetached, stopProcess, tailLog } from './processes';

/** metrics-server keeps one sample per node and pod per this interval; the console refreshes no faster. */
export const metricResolutionSeconds = 15;
export const metricsApiService = 'v1beta1.metrics.k8s.io';
const metricsSpecFile = path.join(paths.config, 'metrics-server.spec.json');

/**
 * metrics-server on 127.0.0.1 with its own serving certificate, delegating authentication and authorization to the
 * API server with the system:metrics-server client certificate. It scrapes kwok's fake kubelets on 127.0.0.1 and
 * verifies their serving certificate (kwok serves loopback-serving, signed by our CA): no --kubelet-insecure-tls.
 */
export function metricsServerSpec(bins: Binaries, pki: Pki, ports: Ports): ComponentSpec {
  const kubeconfig = componentKubeconfig('metrics-server');
  return {
    name: 'metrics-server',
    binary: bins['metrics-server'],
    args: [
      `--kubeconfig=${kubeconfig}`,
      `--authentication-kubeconfig=${kubeconfig}`,
      `--authorization-kubeconfig=${kubeconfig}`,
      '--bind-address=127.0.0.1',
      `--secure-port=${ports.metricsServer}`,
      `--tls-cert-file=${pki.cert('metrics-server').crt}`,
      `--tls-private-key-file=${pki.cert('metrics-server').key}`,
      `--kubelet-certificate-authority=${pki.caCrt}`,
      '--kubelet-preferred-address-types=InternalIP',
      '--kubelet-use-node-status-port',
      `--metric-resolution=${metricResolutionSeconds}s`,
      '--profiling=false',
    ],
    port: ports.metricsServer,
    // livez, not readyz: readyz waits for the first scrape, which `up` need not wait for.
    healthUrl: `https://127.0.0.1:${ports.metricsServer}/livez`,
    tls: { ca: pki.caCrt },
  };
}

function apiService(pki: Pki, port: number): KubernetesObject {
  return {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name: metricsApiService },
    spec: {
      group: 'metrics.k8s.io',
      version: 'v1beta1',
      service: { namespace: 'kube-system', name: 'metrics-server', port },
      caBundle: readFileSync(pki.caCrt).toString('base64'),
      groupPriorityMinimum: 100,
      versionPriority: 100,
    },
  } as KubernetesObject;
}

/** Starts (or restarts) metrics-server from its spec and waits until it is live. */
export async function startMetricsServer(spec: ComponentSpec, alive: () => boolean = () => true): Promise<number> {
  const record = startDetached(
    { component: spec.name, binary: spec.binary, port: spec.port, log: logFile(spec.name), healthUrl: spec.healthUrl, tls: spec.tls },
    spec.args,
  );
  try {
    await waitFor(spec.name, () => isHealthy(spec.healthUrl, spec.tls), {
      timeoutMs: 45_000,
      alive: () => alive() && isRunning(record.pid, record.binary),
    });
  } catch (e) {
    throw new Error(`metrics-server did not become live: ${(e as Error).message}\n${tailLog(record.log)}`);
  }
  return record.pid;
}

/** RBAC, Service and APIService for metrics-server, then metrics-server itself. Called by `up` once nodes exist. */
export async function setUpMetricsServer(kc: KubeConfig, spec: ComponentSpec, pki: Pki, server: string, alive: () => boolean): Promise<number> {
  writeCertKubeconfig(componentKubeconfig('metrics-server'), server, pki, 'metrics-server-client', 'system:metrics-server');
  await applyAll(kc, [...loadManifests(path.join(paths.clusterDir, 'metrics', 'metrics-server.yaml')), apiService(pki, spec.port)]);
  writeFileSync(metricsSpecFile, JSON.stringify(spec));
  return startMetricsServer(spec, alive);
}

/** The recorded metrics-server process (for tests that stop it to see the console without metrics). */
function metricsRecord() {
  const r = readProcessRecords().find((p) => p.component === 'metrics-server');
  if (!r) throw new Error('metrics-server is not recorded in .cluster/processes.json: is the cluster up?');
  return r;
}

/** Resolves once the API server reports the metrics APIService Available (discovery through the aggregator works). */
export async function waitForMetricsApi(kc: KubeConfig, timeoutMs = 45_000): Promise<void> {
  const api = kc.makeApiClient(ApiregistrationV1Api);
  await waitFor(
    `APIService ${metricsApiService} Available`,
    async () => {
      const s = await api.readAPIService({ name: metricsApiService });
      return s.status?.conditions?.some((c) => c.type === 'Available' && c.status === 'True');
    },
    { timeoutMs, intervalMs: 250 },
  );
}

export async function stopMetricsServer(): Promise<void> {
  await stopProcess(metricsRecord());
}

/** Starts metrics-server again with the arguments `up` used (kept in .cluster/config/metrics-server.spec.json). */
export async function restartMetricsServer(): Promise<number> {
  const r = metricsRecord();
  if (isRunning(r.pid, r.binary)) return r.pid;
  const spec = JSON.parse(readFileSync(metricsSpecFile, 'utf8')) as ComponentSpec;
  const pid = await startMetricsServer(spec);
  // cluster.json names every component's pid (tests check their listeners): keep it true after a restart.
  const state = readClusterJson();
  writeClusterJson({ ...state, pids: { ...state.pids, [spec.name]: pid } });
  return pid;
}
