import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { kwokConfigFile } from './components';
import { kwokExecDocuments } from './kwok-exec';
import { paths } from './paths';

/** The fake log every container of every pod serves through kwok (`kubectl logs`, pods/log). */
export const fakeLogText = 'wheelhouse fake container log';

/**
 * kwok's own options. kwok plays 4 pod stages at a time by default, so it makes pods Running at 4 ÷ (one status
 * patch's latency): ~550 a minute on a loaded 2-core machine, three hours for the 100,000-pod bench; 32 made ~1,800 a
 * minute. kwok applies its defaults only when no KwokConfiguration is given, never to one read from a file, so every
 * option it defaults is spelled out with kwok v0.8.0's default (pkg/apis/config/v1alpha1/zz_generated.defaults.go):
 * without enableDebuggingHandlers kwok answered pods/log with 405. Flags (cluster/components.ts) still win.
 */
const kwokOptions = {
  apiVersion: 'config.kwok.x-k8s.io/v1alpha1',
  kind: 'KwokConfiguration',
  options: {
    manageAllNodes: false,
    enableDebuggingHandlers: true,
    enableContentionProfiling: false,
    enableProfilingHandler: false,
    podPlayStageParallelism: 32,
    nodePlayStageParallelism: 4,
    nodeLeaseParallelism: 4,
    podsOnNodeSyncParallelism: 1,
    enablePodsOnNodeSyncListPager: true,
    enablePodsOnNodeSyncStreamWatch: false,
  },
};

/**
 * Writes kwok's config: its options (above), the node and pod Stages it needs to run at all (copied from kwok's
 * kustomize/stage) and a ClusterLogs object so every container's logs come from cluster/kwok/fake-container.log; the
 * exec targets (cluster/kwok-exec.ts).
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
  writeFileSync(kwokConfigFile, [stringify(kwokOptions).trim(), ...stages, stringify(clusterLogs).trim(), ...kwokExecDocuments(), ...metrics].join('\n---\n') + '\n');
  return kwokConfigFile;
}
