import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';

// No import.meta here: Playwright loads TypeScript as CommonJS, where it is a syntax error. tsx, vitest and Playwright
// all define __dirname; the cwd walk is the fallback for a pure-ESM loader.
function findClusterDir(): string {
  if (typeof __dirname !== 'undefined' && existsSync(path.join(__dirname, 'versions.env'))) return __dirname;
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'cluster', 'versions.env'))) return path.join(dir, 'cluster');
    if (path.dirname(dir) === dir) throw new Error('cluster: cannot find the repo root (cluster/versions.env)');
  }
}

const clusterDir = findClusterDir();
export const repoRoot = path.resolve(clusterDir, '..');

/** Everything `cluster:up` writes lives here (gitignored), except etcd's data on tmpfs. */
export const stateDir = path.join(repoRoot, '.cluster');

export const paths = {
  clusterDir,
  buildScript: path.join(clusterDir, 'build', 'build.sh'),
  kwokStagesDir: path.join(clusterDir, 'kwok', 'stages'),
  fakeContainerLog: path.join(clusterDir, 'kwok', 'fake-container.log'),
  seedDir: path.join(clusterDir, 'seed'),
  state: stateDir,
  clusterJson: path.join(stateDir, 'cluster.json'),
  processesJson: path.join(stateDir, 'processes.json'),
  lock: path.join(stateDir, 'up.lock'),
  kubeconfig: path.join(stateDir, 'kubeconfig'),
  caCrt: path.join(stateDir, 'ca.crt'),
  pki: path.join(stateDir, 'pki'),
  tokens: path.join(stateDir, 'tokens'),
  logs: path.join(stateDir, 'logs'),
  config: path.join(stateDir, 'config'),
  // Keyed by the repo path so two checkouts on one machine keep separate etcd data.
  etcdData: path.join('/dev/shm', `wheelhouse-etcd-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}`),
};

export const logFile = (component: string) => path.join(paths.logs, `${component}.log`);
