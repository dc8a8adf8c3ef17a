import type { Health } from '@/lib/k8s/rows/types';

const STYLE: Record<Health, string> = {
  ok: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200',
  progress: 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200',
  error: 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200',
  neutral: 'bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200',
};

export function StatusBadge({ health, children }: { health: Health; children: React.ReactNode }) {
  return <span data-health={health} className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[health]}`}>{children}</span>;
}
