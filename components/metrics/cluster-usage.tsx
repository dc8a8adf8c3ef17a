'use client';

import { humanBytes, humanCpu } from '@/lib/k8s/metrics/format';
import type { NodeUsageSet } from '@/lib/k8s/metrics/types';
import type { NodeRow } from '@/lib/k8s/rows/types';
import { UsageBar } from './usage-bar';

/** The cluster total: every node's usage against every node's allocatable (nodes without a sample are left out). */
export function ClusterUsage({ nodes, usage }: { nodes: NodeRow[]; usage: NodeUsageSet }) {
  let cpu = 0, mem = 0, cpuAlloc = 0, memAlloc = 0, pods = 0, podCap = 0;
  for (const n of nodes) {
    const u = usage.nodes[n.name];
    if (!u || !n.alloc) continue;
    cpu += u[0]; mem += u[1]; cpuAlloc += n.alloc[0]; memAlloc += n.alloc[1];
    pods += usage.running?.[n.name] ?? 0; podCap += n.alloc[2];
  }
  return (
    <div data-testid="cluster-usage" className="flex flex-wrap items-center gap-x-6 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      <span className="font-medium">Cluster</span>
      <span>CPU <UsageBar used={cpu} total={cpuAlloc} label="cluster cpu" format={humanCpu} /></span>
      <span>Memory <UsageBar used={mem} total={memAlloc} label="cluster memory" format={humanBytes} /></span>
      {usage.running && <span>Pods running {pods} / {podCap}</span>}
    </div>
  );
}
