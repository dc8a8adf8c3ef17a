import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { paths } from './paths';

/** The contents of .cluster/cluster.json: the contract the console and its tests read. Paths are absolute. */
export interface ClusterState {
  server: string;
  caFile: string;
  kubeconfig: string;
  tokensDir: string;
  saSigningKeyFile: string;
  issuer: string;
  audience: string;
  nodes: number;
  ports: Record<string, number>;
  pids: Record<string, number>;
  logsDir: string;
  etcdDataDir: string;
  binDir: string;
  startedAt: string;
}

export function writeClusterJson(state: ClusterState): void {
  writeFileSync(paths.clusterJson, JSON.stringify(state, null, 2) + '\n');
}

/** Parsed .cluster/cluster.json; throws when the cluster has not been brought up (or `up` has not finished). */
export function readClusterJson(): ClusterState {
  if (!existsSync(paths.clusterJson)) {
    throw new Error(`The local cluster is not up (${paths.clusterJson} is missing). Run \`npm run cluster:up\`.`);
  }
  return JSON.parse(readFileSync(paths.clusterJson, 'utf8')) as ClusterState;
}
