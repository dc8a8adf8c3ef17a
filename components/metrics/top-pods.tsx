'use client';

import Link from 'next/link';
import { detailHref } from '@/components/resources/columns';
import { formatCpu, formatMemory } from '@/lib/k8s/metrics/format';
import type { TopPod, TopPods as TopPodsData } from '@/lib/k8s/metrics/types';
import { MetricsNote } from './metrics-note';
import { metricsUrl, useUsage } from './use-usage';

// "Which pods are hottest": the ten busiest by CPU and by memory in the selected namespace (or all), computed on the
// server so the browser gets twenty rows whatever the cluster's size.

function TopList({ title, pods, index, namespace }: { title: string; pods: TopPod[]; index: 0 | 1; namespace?: string }) {
  return (
    <div className="min-w-0 flex-1">
      <h3 className="mb-1 text-xs font-semibold text-zinc-600 dark:text-zinc-400">{title}</h3>
      <ol aria-label={title} className="divide-y divide-zinc-100 rounded border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
        {pods.map((p) => (
          <li key={`${p.namespace}/${p.name}`} data-pod={`${p.namespace}/${p.name}`} className="flex justify-between gap-2 px-2 py-1">
            <Link prefetch={false} className="truncate text-sky-700 hover:underline dark:text-sky-400" href={detailHref('pods', p)}>
              {namespace ? p.name : `${p.namespace}/${p.name}`}
            </Link>
            <span className="tabular-nums">{index === 0 ? formatCpu(p.usage[0]) : formatMemory(p.usage[1])}</span>
          </li>
        ))}
        {pods.length === 0 && <li className="px-2 py-2 text-zinc-500">No pod metrics yet</li>}
      </ol>
    </div>
  );
}

export function TopPods({ namespace }: { namespace?: string }) {
  const { data, error } = useUsage<TopPodsData>(metricsUrl('pods', { namespace, top: '10' }));
  return (
    <section aria-labelledby="top-pods-title" className="space-y-1.5">
      <h2 id="top-pods-title" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
        Busiest pods{namespace ? ` in ${namespace}` : ''}
      </h2>
      {error ? <MetricsNote error={error} /> : data && (
        <div className="flex flex-col gap-3 md:flex-row">
          <TopList title="Top 10 by CPU" pods={data.byCpu} index={0} namespace={namespace} />
          <TopList title="Top 10 by memory" pods={data.byMemory} index={1} namespace={namespace} />
        </div>
      )}
    </section>
  );
}
