'use client';

import Link from 'next/link';
import { detailHref } from '@/components/resources/columns';
import { useResourceList } from '@/components/resources/use-resource-list';
import { StatusBadge } from '@/components/ui/status-badge';
import type { DeploymentRow } from '@/lib/k8s/rows/types';
import { RolloutBadge, rolloutSettled } from './rollout-badge';

// A Deployment's rollout, live (2 s): the counts `kubectl get deploy` prints, the Progressing condition, and while it
// moves, the pods coming and going.

export function RolloutPanel({ row, namespace }: { row: DeploymentRow; namespace: string }) {
  const moving = !rolloutSettled(row) || row.progress.state === 'failed';
  const { rows: pods } = useResourceList('pods', { namespace, labelSelector: row.selector }, moving && row.selector !== '<none>');
  return (
    <section aria-label="Rollout" data-testid="rollout-panel" className="space-y-1 text-xs">
      <div className="flex flex-wrap items-center justify-end gap-3 text-zinc-600 dark:text-zinc-400">
        <RolloutBadge progress={row.progress} />
        <span>READY <b data-testid="rollout-ready" className="text-zinc-900 dark:text-zinc-100">{row.readyReplicas}/{row.replicas}</b></span>
        <span>UP-TO-DATE <b className="text-zinc-900 dark:text-zinc-100">{row.updated}</b></span>
        <span>AVAILABLE <b className="text-zinc-900 dark:text-zinc-100">{row.available}</b></span>
      </div>
      {moving && pods && (
        <ul aria-label="Pods of the rollout" className="flex max-w-xl flex-wrap justify-end gap-1.5">
          {pods.map((p) => (
            <li key={p.uid} data-pod={p.name} className="inline-flex items-center gap-1">
              <Link prefetch={false} href={detailHref('pods', p)} className="font-mono text-sky-700 hover:underline dark:text-sky-400">{p.name}</Link>
              <StatusBadge health={p.health}>{p.status}</StatusBadge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
