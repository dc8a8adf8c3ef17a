import type { ReactNode } from 'react';

/** A titled block of a detail page; `id` makes the heading the section's accessible name. */
export function Section({ id, title, aside, children }: { id: string; title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-1.5">
      <div className="flex items-baseline gap-2">
        <h2 id={`${id}-title`} className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">{title}</h2>
        {aside && <span className="text-xs text-zinc-500">{aside}</span>}
      </div>
      {children}
    </section>
  );
}

export const TABLE = 'w-full border-collapse text-left';
export const THEAD = 'bg-zinc-100 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400';
export const TH = 'px-2 py-1.5 font-semibold whitespace-nowrap';
export const TR = 'border-t border-zinc-100 dark:border-zinc-800/70';
export const TD = 'px-2 py-1.5 align-baseline';
export const BOX = 'overflow-auto rounded border border-zinc-200 dark:border-zinc-800';
export const LINK = 'text-sky-700 hover:underline dark:text-sky-400';
