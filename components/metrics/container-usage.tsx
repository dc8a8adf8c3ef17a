'use client';

import { BOX, Section, TABLE, TD, TH, THEAD, TR } from '@/components/detail/section';
import type { ContainerInfo } from '@/lib/k8s/detail-types';
import { formatCpu, formatMemory, formatPercent, percent } from '@/lib/k8s/metrics/format';
import type { PodContainersUsage } from '@/lib/k8s/metrics/types';
import { MetricsNote } from './metrics-note';
import { metricsUrl, useUsage } from './use-usage';

// A pod's usage per container against its requests and limits.

const cells = (v: number, base: [number, number], fmt: (n: number) => string) => [
  fmt(v),
  base[0] ? `${fmt(base[0])} (${formatPercent(percent(v, base[0]))})` : '—',
  base[1] ? `${fmt(base[1])} (${formatPercent(percent(v, base[1]))})` : '—',
];

export function ContainerUsage({ namespace, pod, containers }: { namespace: string; pod: string; containers: ContainerInfo[] }) {
  const { data, error } = useUsage<PodContainersUsage>(metricsUrl('pods', { namespace, name: pod }));
  const spec = new Map(containers.filter((c) => !c.init).map((c) => [c.name, c.res]));
  return (
    <Section id="usage" title="Usage" aside={data ? `sampled over ${data.window}s` : undefined}>
      {error ? <MetricsNote error={error} /> : (
        <div className={BOX}>
          <table className={TABLE} aria-label="Container usage">
            <thead className={THEAD}>
              <tr>
                {['CONTAINER', 'CPU', 'CPU REQUEST', 'CPU LIMIT', 'MEMORY', 'MEMORY REQUEST', 'MEMORY LIMIT'].map((h) => <th key={h} scope="col" className={TH}>{h}</th>)}
              </tr>
            </thead>
            <tbody>
              {(data?.containers ?? []).map((c) => {
                const r = spec.get(c.name) ?? [0, 0, 0, 0];
                return (
                  <tr key={c.name} data-row-name={c.name} className={TR}>
                    <td className={`${TD} font-medium`}>{c.name}</td>
                    {cells(c.usage[0], [r[0], r[1]], formatCpu).map((t, i) => <td key={`c${i}`} data-col={['cpu', 'cpuReq', 'cpuLim'][i]} className={`${TD} tabular-nums`}>{t}</td>)}
                    {cells(c.usage[1], [r[2], r[3]], formatMemory).map((t, i) => <td key={`m${i}`} data-col={['memory', 'memReq', 'memLim'][i]} className={`${TD} tabular-nums`}>{t}</td>)}
                  </tr>
                );
              })}
              {data && !data.containers.length && <tr><td colSpan={7} className="px-2 py-4 text-center text-zinc-500">No container metrics yet</td></tr>}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
