'use client';

import type { Column } from '@/components/resources/columns';
import { ResourceTable } from '@/components/resources/resource-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import type { Related } from '@/lib/k8s/detail-types';
import type { BaseRow } from '@/lib/k8s/rows/types';
import { Section } from './section';

// A list that belongs to the object (its pods, its events). It fails on its own: an error replaces this section
// only, the rest of the page keeps working.

interface Props<R extends BaseRow> {
  id: string;
  title: string;
  related: Related<R>;
  columns: Column<BaseRow>[];
  /** What was attempted, for the error panel: "cannot list pods in default". */
  errorAction: string;
  emptyText: string;
  allNamespaces?: boolean;
}

export function RelatedTable<R extends BaseRow>({ id, title, related, columns, errorAction, emptyText, allNamespaces = false }: Props<R>) {
  const rows = 'items' in related ? related.items : undefined;
  return (
    <Section id={id} title={title} aside={rows ? String(rows.length) : undefined}>
      {'error' in related ? (
        <ErrorPanel error={related.error} action={errorAction} />
      ) : (
        <ResourceTable
          label={title}
          rows={rows as BaseRow[] | undefined}
          columns={columns}
          allNamespaces={allNamespaces}
          loading={false}
          emptyText={emptyText}
        />
      )}
    </Section>
  );
}
