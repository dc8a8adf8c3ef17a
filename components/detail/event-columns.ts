import { COLUMNS, type Column } from '@/components/resources/columns';
import type { BaseRow } from '@/lib/k8s/rows/types';

// The events columns for tables that show events in a chosen order (oldest→newest on a detail page, newest first on
// the overview): with no sortable default column the table keeps the order it is given. Messages wrap.

export function eventColumns({ hide = [] }: { hide?: string[] } = {}): Column<BaseRow>[] {
  return (COLUMNS.events as Column<BaseRow>[])
    .filter((c) => !hide.includes(c.id))
    .map((c) => {
      if (c.id === 'namespace') return { ...c, sort: undefined };
      if (c.id === 'message') return { ...c, className: 'min-w-80 whitespace-normal! break-words' };
      return c;
    });
}
