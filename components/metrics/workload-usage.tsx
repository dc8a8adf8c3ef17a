'use client';

import { useMemo } from 'react';
import { formatCpu, formatMemory } from '@/lib/k8s/metrics/format';
import type { PodUsageSet, Usage } from '@/lib/k8s/metrics/types';
import type { PodRow } from '@/lib/k8s/rows/types';
import { MetricsNote } from './metrics-note';
import { Sparkline } from './sparkline';
import { useHistory } from './use-history';
import { metricsUrl, useUsage } from './use-usage';

// A workload's usage: the sum over its pods (the detail page's pods, matched by its selector), against their summed
// requests, with a chart of the samples seen since the page opened.

export const WORKLOAD_KINDS = new Set(['deployments', 'statefulsets', 'daemonsets', 'jobs', 'replicasets']);

function sum(set: PodUsageSet, namespace: string, pods: PodRow[]): Usage {
  const byName = set.pods[namespace] ?? {};
  let cpu = 0;
  let mem = 0;
  for (const p of pods) {
    const u = byName[p.name];
    if (u) { cpu += u[0]; mem += u[1]; }
  }
  return [cpu, mem];
}

export function WorkloadUsage({ namespace, selector, pods }: { namespace: string; selector?: string; pods: PodRow[] }) {
  const { data, error } = useUsage<PodUsageSet>(metricsUrl('pods', { namespace, labelSelector: selector }));
  const total = useMemo(() => (data ? sum(data, namespace, pods) : undefined), [data, namespace, pods]);
  const history = useHistory(data?.at, total);
  const requests = pods.reduce((a, p) => [a[0] + (p.res?.[0] ?? 0), a[1] + (p.res?.[2] ?? 0)], [0, 0]);
  return (
    <section aria-labelledby="usage-title" className="space-y-1.5" data-testid="workload-usage" data-sample-at={data?.at}>
      <h2 id="usage-title" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">Usage</h2>
      {error ? <MetricsNote error={error} /> : total && (
        <div className="flex flex-wrap gap-6 text-sm">
          {([0, 1] as const).map((i) => (
            <div key={i} className="space-y-1">
              <div className="text-xs text-zinc-500">
                {i === 0 ? 'CPU' : 'Memory'} of {pods.length} pod{pods.length === 1 ? '' : 's'}
                {requests[i] > 0 && ` (requests ${i === 0 ? formatCpu(requests[0]) : formatMemory(requests[1])})`}
              </div>
              <div data-testid={i === 0 ? 'workload-cpu' : 'workload-memory'} className="text-lg font-semibold tabular-nums">
                {i === 0 ? formatCpu(total[0]) : formatMemory(total[1])}
              </div>
              <Sparkline values={history.map((h) => h.value[i])} max={requests[i] || undefined} label={`${i === 0 ? 'CPU' : 'memory'} over the last ${history.length} samples`} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
