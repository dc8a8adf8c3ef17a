import type { Column } from '@/components/resources/columns';
import { formatCpu, formatMemory, formatPercent, humanBytes, humanCpu, percent } from '@/lib/k8s/metrics/format';
import type { NodeUsageSet, PodUsageSet, Usage } from '@/lib/k8s/metrics/types';
import type { NodeRow, PodRow } from '@/lib/k8s/rows/types';
import { UsageBar } from './usage-bar';

// The usage columns, joined with the rows by namespace/name (PodMetrics carry no pod uid). Headers follow kubectl
// top (CPU, MEMORY) and k9s (%CPU/R, %CPU/L, %MEM/R, %MEM/L). A row without a sample (a new or pending pod) shows
// "—" and sorts last.

const num = 'tabular-nums text-right';
const NONE = -1;

function share(kind: 0 | 1, base: 0 | 1 | 2 | 3) {
  return (u: Usage | undefined, r: PodRow) => (u ? percent(u[kind], r.res?.[base]) : undefined);
}

export function podUsageColumns(set: PodUsageSet): Column<PodRow>[] {
  const usage = (r: PodRow) => (r.namespace ? set.pods[r.namespace]?.[r.name] : undefined);
  const value = (id: string, header: string, i: 0 | 1, fmt: (n: number) => string): Column<PodRow> => ({
    id, header, className: num,
    sort: (r) => usage(r)?.[i] ?? NONE,
    cell: (r) => { const u = usage(r); return u ? fmt(u[i]) : '—'; },
  });
  const pct = (id: string, header: string, f: ReturnType<typeof share>): Column<PodRow> => ({
    id, header, className: num,
    sort: (r) => f(usage(r), r) ?? NONE,
    cell: (r) => (usage(r) ? formatPercent(f(usage(r), r)) : '—'),
  });
  return [
    value('cpuUsage', 'CPU', 0, formatCpu),
    value('memUsage', 'MEMORY', 1, formatMemory),
    pct('cpuReq', '%CPU/R', share(0, 0)),
    pct('cpuLim', '%CPU/L', share(0, 1)),
    pct('memReq', '%MEM/R', share(1, 2)),
    pct('memLim', '%MEM/L', share(1, 3)),
  ];
}

export function nodeUsageColumns(set: NodeUsageSet): Column<NodeRow>[] {
  const usage = (r: NodeRow) => set.nodes[r.name];
  // data-top holds the exact `kubectl top nodes` value; the bar shows it rounded for reading.
  const bar = (id: string, header: string, i: 0 | 1, fmt: (n: number) => string, exact: (n: number) => string): Column<NodeRow> => ({
    id, header,
    sort: (r) => percent(usage(r)?.[i] ?? NONE, r.alloc?.[i]) ?? NONE,
    cell: (r) => {
      const u = usage(r);
      if (!u) return '—';
      const total = r.alloc?.[i];
      return (
        <span data-top={exact(u[i])}>
          {total ? <UsageBar used={u[i]} total={total} label={`${r.name} ${header.toLowerCase()}`} format={fmt} /> : fmt(u[i])}
        </span>
      );
    },
  });
  const running = (r: NodeRow) => set.running?.[r.name];
  return [
    bar('cpuUsage', 'CPU USED', 0, humanCpu, formatCpu),
    bar('memUsage', 'MEMORY USED', 1, humanBytes, formatMemory),
    {
      id: 'podsRunning', header: 'PODS RUNNING', className: num,
      sort: (r) => running(r) ?? NONE,
      cell: (r) => `${running(r) ?? '?'} / ${r.alloc?.[2] ?? r.pods}`,
    },
  ];
}
