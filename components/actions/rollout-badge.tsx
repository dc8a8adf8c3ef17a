import { StatusBadge } from '@/components/ui/status-badge';
import type { DeploymentRow } from '@/lib/k8s/rows/types';

// The rollout as `kubectl rollout status` sees it; ProgressDeadlineExceeded is a failure, shown red.

const LABEL = { complete: 'Complete', progressing: 'Progressing', failed: 'ProgressDeadlineExceeded', unknown: 'Unknown' } as const;
const HEALTH = { complete: 'ok', progressing: 'progress', failed: 'error', unknown: 'neutral' } as const;

export function RolloutBadge({ progress }: { progress: DeploymentRow['progress'] }) {
  return (
    <span className="inline-flex max-w-80 items-center gap-1.5" data-rollout={progress.state} title={progress.message}>
      <StatusBadge health={HEALTH[progress.state]}>{LABEL[progress.state]}</StatusBadge>
      {progress.state !== 'complete' && progress.message && (
        <span className={`truncate text-xs ${progress.state === 'failed' ? 'text-red-700 dark:text-red-400' : 'text-zinc-500'}`}>{progress.message}</span>
      )}
    </span>
  );
}

/** Nothing left to wait for: the rollout is complete (or failed) and every desired replica is ready. */
export function rolloutSettled(row: Pick<DeploymentRow, 'progress' | 'replicas' | 'readyReplicas'>): boolean {
  if (row.progress.state === 'failed') return true;
  return row.progress.state === 'complete' && row.readyReplicas === row.replicas;
}
