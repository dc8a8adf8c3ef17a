import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

// Where the console finds the API server: only a URL and the CA that verifies it. Never credentials — every call
// carries the signed-in user's token (lib/k8s/client.ts). In order:
//   1. WHEELHOUSE_API_URL + WHEELHOUSE_CA_FILE (explicit);
//   2. in-cluster: KUBERNETES_SERVICE_HOST/PORT + the mounted CA (path overridable by WHEELHOUSE_INCLUSTER_CA_FILE);
//      the pod's own ServiceAccount token is never read;
//   3. development and demo: the local cluster's .cluster/cluster.json (see cluster/).

export interface ClusterConnection { server: string; ca: string; source: 'env' | 'in-cluster' | 'local-cluster' }

const IN_CLUSTER_CA = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';

function readCa(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${what}: cannot read the CA file ${file}`);
  }
}

function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export function resolveClusterConnection(env: NodeJS.ProcessEnv = process.env, cwd?: string): ClusterConnection {
  if (env.WHEELHOUSE_API_URL) {
    if (!env.WHEELHOUSE_CA_FILE) throw new Error('WHEELHOUSE_API_URL is set but WHEELHOUSE_CA_FILE is not: TLS verification needs the CA');
    return { server: env.WHEELHOUSE_API_URL.replace(/\/+$/, ''), ca: readCa(env.WHEELHOUSE_CA_FILE, 'WHEELHOUSE_CA_FILE'), source: 'env' };
  }
  if (env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT) {
    const caFile = env.WHEELHOUSE_INCLUSTER_CA_FILE || IN_CLUSTER_CA;
    return {
      server: `https://${hostForUrl(env.KUBERNETES_SERVICE_HOST)}:${env.KUBERNETES_SERVICE_PORT}`,
      ca: readCa(caFile, 'in-cluster CA'),
      source: 'in-cluster',
    };
  }
  // turbopackIgnore: not a file of the build. next.config.js's tracing excludes keep it out of the routes' bundles,
  // but not out of instrumentation.ts's (the exec handler), which the standalone bundle would then carry.
  const stateFile = cwd ? path.join(cwd, '.cluster', 'cluster.json') : path.join(/* turbopackIgnore: true */ process.cwd(), '.cluster', 'cluster.json');
  if (env.NODE_ENV !== 'production' || env.WHEELHOUSE_LOCAL_CLUSTER === '1') {
    if (fs.existsSync(stateFile)) {
      const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { server: string; caFile: string };
      return { server: state.server, ca: readCa(state.caFile, 'local cluster CA'), source: 'local-cluster' };
    }
  }
  throw new Error('No cluster configured: set WHEELHOUSE_API_URL and WHEELHOUSE_CA_FILE, run in a cluster, or start the local one with `npm run cluster:up`');
}

let cached: { at: number; value: ClusterConnection } | undefined;

/** The connection, re-read at most every few seconds (the local cluster may restart on another port). */
export function clusterConnection(): ClusterConnection {
  const now = Date.now();
  if (!cached || now - cached.at > 5_000) cached = { at: now, value: resolveClusterConnection() };
  return cached.value;
}
