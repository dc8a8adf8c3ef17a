import type { ReactNode } from 'react';

/** A dense `kubectl describe` style list of label: value lines. Each line carries `data-field` for tests. */
export function FieldList({ fields, label }: { fields: [string, ReactNode][]; label: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
      {fields.map(([name, value]) => (
        <div key={name} data-field={name} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{name}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
