import { percent } from '@/lib/k8s/metrics/format';

/** "used / total" with a bar; amber past 70 %, red past 90 %. */
export function UsageBar({ used, total, label, format }: { used: number; total: number; label: string; format: (n: number) => string }) {
  const p = percent(used, total);
  const width = Math.min(100, p ?? 0);
  const color = (p ?? 0) >= 90 ? 'bg-red-500' : (p ?? 0) >= 70 ? 'bg-amber-500' : 'bg-sky-500';
  return (
    <span className="inline-flex min-w-40 items-center gap-2" title={`${label}: ${format(used)} of ${format(total)}`}>
      <span
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={used}
        aria-valuetext={`${format(used)} of ${format(total)}${p === undefined ? '' : ` (${p}%)`}`}
        className="h-2 w-20 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
      >
        <span className={`block h-full ${color}`} style={{ width: `${width}%` }} />
      </span>
      <span className="text-xs tabular-nums">{format(used)} / {format(total)}{p === undefined ? '' : ` (${p}%)`}</span>
    </span>
  );
}
