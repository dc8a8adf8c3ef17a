'use client';

import { eventColumns } from '@/components/detail/event-columns';
import { ResourceTable } from '@/components/resources/resource-table';
import { useResourceList } from '@/components/resources/use-resource-list';
import { ErrorPanel } from '@/components/ui/error-panel';
import type { BaseRow, EventRow } from '@/lib/k8s/rows/types';

// The latest warnings, newest first (the table keeps the order it is given).

const MAX = 20;
const columns = eventColumns();

function newestFirst(rows: EventRow[]): EventRow[] {
  return [...rows].sort((a, b) => (b.lastSeen ?? b.created ?? '').localeCompare(a.lastSeen ?? a.created ?? '')).slice(0, MAX);
}

export function WarningEvents({ namespace }: { namespace?: string }) {
  const { rows, error, isLoading } = useResourceList('events', { namespace, fieldSelector: 'type=Warning' });
  const shown = rows && newestFirst(rows);
  const where = namespace ? ` in ${namespace}` : '';
  return (
    <section aria-labelledby="warnings-title" className="space-y-1.5">
      <div className="flex items-baseline gap-2">
        <h2 id="warnings-title" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">Warning events</h2>
        {rows && <span className="text-xs text-zinc-500">{rows.length > MAX ? `newest ${MAX} of ${rows.length}` : rows.length}</span>}
      </div>
      {error && !rows ? <ErrorPanel error={error} action={`cannot list events${where}`} /> : (
        <ResourceTable
          label="Warning events"
          rows={shown as BaseRow[] | undefined}
          columns={columns}
          allNamespaces={!namespace}
          loading={isLoading}
          error={error}
          errorAction={`cannot list events${where}`}
          emptyText="No warning events"
        />
      )}
    </section>
  );
}
