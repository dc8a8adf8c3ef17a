/**
 * The local cluster, for tests (vitest) and the console's e2e (Playwright). Everything reads .cluster/ as written by
 * `npm run cluster:up`.
 *
 *   readClusterState(): ClusterState              parsed .cluster/cluster.json; throws if the cluster is not up
 *   readToken(name): string                       .cluster/tokens/<name>: 'admin-user' | 'viewer' | 'team-a-editor'
 *   adminKubeConfig(): KubeConfig                 client-cert admin (system:masters) from .cluster/kubeconfig
 *   kubeConfigForToken(token): KubeConfig         server + CA (TLS verified) + that bearer token
 *   ensureClusterUp(opts?): Promise<ClusterState> starts the cluster like `cluster:up`, or reuses a running one
 *   signServiceAccountToken({namespace, name, expiresInSeconds}): Promise<string>
 *                                                  a JWT signed with the SA key that the real API server accepts
 *                                                  (until exp + 60 s: pass expiresInSeconds <= -61 for a rejected one)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { readClusterJson, type ClusterState } from './cluster-json';
import { paths } from './paths';
import { apiServerLeewaySeconds, signJwt } from './sa-token';
import { tokenAccounts, type TokenName } from './seed';
import { up } from './up';

export type { ClusterState } from './cluster-json';
export type { TokenName } from './seed';
export { apiServerLeewaySeconds, tokenAccounts };

export function readClusterState(): ClusterState {
  return readClusterJson();
}

export function readToken(name: TokenName): string {
  if (!(name in tokenAccounts)) throw new Error(`unknown token ${name}; expected one of ${Object.keys(tokenAccounts).join(', ')}`);
  const { tokensDir } = readClusterState();
  return readFileSync(path.join(tokensDir, name), 'utf8').trim();
}

export function adminKubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(readClusterState().kubeconfig);
  return kc;
}

export function kubeConfigForToken(token: string): KubeConfig {
  const { server, caFile } = readClusterState();
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'wheelhouse', server, caData: readFileSync(caFile).toString('base64'), skipTLSVerify: false }],
    users: [{ name: 'token', token }],
    contexts: [{ name: 'wheelhouse', cluster: 'wheelhouse', user: 'token' }],
    currentContext: 'wheelhouse',
  });
  return kc;
}

/** Cheap when the cluster is already up (a /proc check and one /readyz request). */
export async function ensureClusterUp(opts: { nodes?: number; quiet?: boolean } = {}): Promise<ClusterState> {
  const { state } = await up({ nodes: opts.nodes, log: opts.quiet ? () => {} : undefined });
  return state;
}

/**
 * Signs a ServiceAccount token locally (the console's e2e needs expired and short-lived tokens; TokenRequest refuses
 * lifetimes under 10 minutes). Reads the account's uid from the API, since the API server checks it.
 */
export async function signServiceAccountToken(opts: { namespace: string; name: string; expiresInSeconds: number }): Promise<string> {
  const state = readClusterState();
  const sa = await adminKubeConfig().makeApiClient(CoreV1Api).readNamespacedServiceAccount({ name: opts.name, namespace: opts.namespace });
  const uid = sa.metadata?.uid;
  if (!uid) throw new Error(`ServiceAccount ${opts.namespace}/${opts.name} has no uid`);
  return signJwt(state.saSigningKeyFile, { issuer: state.issuer, audience: state.audience, uid, ...opts }).token;
}

export { paths as clusterPaths };
