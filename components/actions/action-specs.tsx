import type { ReactNode } from 'react';
import type { ObjectActionId } from '@/lib/k8s/actions/catalog';

// What each one-step action's button says and what its confirmation explains (which kinds offer it: the catalog).

export const ACTION_SPECS: Partial<Record<ObjectActionId, { label: string; confirm: ReactNode; danger?: boolean }>> = {
  pause: { label: 'Pause', confirm: <p>Changes to the pod template no longer start a rollout until it is resumed (<code className="font-mono">kubectl rollout pause</code>).</p> },
  resume: { label: 'Resume', confirm: <p>Rollouts start again, including any template change made while paused.</p> },
  cordon: { label: 'Cordon', confirm: <p>No new pods are scheduled on this node; the pods on it keep running.</p> },
  uncordon: { label: 'Uncordon', confirm: <p>New pods may be scheduled on this node again.</p> },
  suspend: { label: 'Suspend', confirm: <p>No new Jobs are started on schedule; running Jobs go on.</p> },
  unsuspend: { label: 'Resume', confirm: <p>Jobs are started on schedule again.</p> },
  'run-now': { label: 'Run now', confirm: <p>A Job is created from the CronJob’s template now, owned by it (<code className="font-mono">kubectl create job --from=cronjob/…</code>).</p> },
};
