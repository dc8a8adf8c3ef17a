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
  // kwok plays 4 pod stages at a time by default, so its pace is 4 ÷ (one status patch's latency): on a loaded
  // 2-core machine that fell to 2 pods a second and 30,000 bench pods took hours to become Running.
  const options = {
    apiVersion: 'config.kwok.x-k8s.io/v1alpha1',
    kind: 'KwokConfiguration',
    options: { podPlayStageParallelism: 32, nodePlayStageParallelism: 8, nodeLeaseParallelism: 8 },
  };
  writeFileSync(kwokConfigFile, [stringify(options).trim(), ...stages, stringify(clusterLogs).trim(), ...kwokExecDocuments(), ...metrics].join('\n---\n') + '\n');
  return kwokConfigFile;
}
