import Link from 'next/link';
import type { ReactNode } from 'react';

/** A page-level message (not found, failed) with a way back; the same in the console shell and outside it. */
export function PageMessage({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div role="alert" data-testid="page-message" className="mx-auto mt-8 max-w-xl rounded border border-zinc-300 bg-white p-6 dark:border-zinc-700 dark:bg-zinc-950">
      <h1 className="text-lg font-semibold">{title}</h1>
      <div className="mt-2 text-zinc-700 dark:text-zinc-300">{children}</div>
      <div className="mt-4 flex gap-3">
        {action}
        <Link href="/" className="rounded border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Back to the overview
        </Link>
      </div>
    </div>
  );
}
