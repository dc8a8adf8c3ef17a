'use client';

import { useId, type ButtonHTMLAttributes } from 'react';
import type { Permission } from './use-permission';

// A button for a mutating action: disabled when the cluster would refuse it, and saying why (title + description).

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { permission: Permission; danger?: boolean };

export const BUTTON = 'rounded border px-2.5 py-1 text-sm disabled:cursor-not-allowed disabled:opacity-50';
const NORMAL = 'border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';
const DANGER = 'border-red-300 text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/60';

export function GuardedButton({ permission, danger, disabled, title, className, children, ...rest }: Props) {
  const reasonId = useId();
  const blocked = !permission.allowed;
  const why = blocked ? permission.reason : title;
  return (
    <span title={why} className="inline-flex">
      <button
        type="button"
        {...rest}
        disabled={disabled || blocked}
        title={why}
        aria-describedby={blocked && permission.reason ? reasonId : undefined}
        data-denied={blocked && !permission.loading ? 'true' : undefined}
        className={`${BUTTON} ${danger ? DANGER : NORMAL} ${className ?? ''}`}
      >
        {children}
      </button>
      {blocked && permission.reason && <span id={reasonId} className="sr-only">{permission.reason}</span>}
    </span>
  );
}
