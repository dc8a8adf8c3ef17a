import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { kwokConfigFile } from './components';
import { kwokExecDocuments } from './kwok-exec';
import { paths } from './paths';

/** The fake log every container of every pod serves through kwok (`kubectl logs`, pods/log). */
export const fakeLogText = 'wheelhouse fake container log';

/**
 * Writes kwok's config: the node and pod Stages it needs to run at all (copied from kwok's kustomize/stage) and a
 * ClusterLogs object so every container's logs come from cluster/kwok/fake-container.log; the exec targets
 * (cluster/kwok-exec.ts).
 */
export function writeKwokConfig(): string {
  const stages = readdirSync(paths.kwokStagesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(path.join(paths.kwokStagesDir, f), 'utf8').trim());
  const clusterLogs = {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'ClusterLogs',
    metadata: { name: 'wheelhouse-fake-logs' },
    spec: { logs: [{ containers: [], logsFile: paths.fakeContainerLog, follow: true }] },
  };
  // The resource-metrics endpoint and the usage it reports (metrics-server scrapes it; issue 14).
  const kwokDir = path.dirname(paths.kwokStagesDir);
  const metrics = readdirSync(kwokDir)
    .filter((f) => /^metrics-.*\.yaml$/.test(f))
    .sort()
    .map((f) => readFileSync(path.join(kwokDir, f), 'utf8').trim());
  writeFileSync(kwokConfigFile, [...stages, stringify(clusterLogs).trim(), ...kwokExecDocuments(), ...metrics].join('\n---\n') + '\n');
  return kwokConfigFile;
}
