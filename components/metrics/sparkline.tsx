/** A small line chart of the last samples (no axes: the figure beside it says the current value). */
export function Sparkline({ values, label, max }: { values: number[]; label: string; max?: number }) {
  const W = 160;
  const H = 32;
  const top = Math.max(max ?? 0, ...values, 1);
  const step = values.length > 1 ? W / (values.length - 1) : W;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(H - (v / top) * (H - 2) - 1).toFixed(1)}`).join(' ');
  return (
    <svg role="img" aria-label={label} width={W} height={H} viewBox={`0 0 ${W} ${H}`} className="text-sky-600 dark:text-sky-400">
      <rect x="0" y="0" width={W} height={H} className="fill-zinc-50 dark:fill-zinc-900" />
      {values.length > 1 ? <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" /> : <circle cx={W - 2} cy={H / 2} r="2" fill="currentColor" />}
    </svg>
  );
}
