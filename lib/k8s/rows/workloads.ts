import type { V1Deployment, V1ReplicaSet } from '@kubernetes/client-node';
import { formatSelector } from '@/lib/format';
import type { DeploymentRow, Health, ReplicaSetRow } from './types';
import { base, containerSummary, controllerOf } from './common';

/** The rollout's state as `kubectl rollout status` judges it, from the Progressing condition and the counts. */
export function rolloutProgress(d: V1Deployment): DeploymentRow['progress'] {
  const spec = d.spec;
  const st = d.status ?? {};
  const cond = (st.conditions ?? []).find((c) => c.type === 'Progressing');
  if (cond?.reason === 'ProgressDeadlineExceeded') return { state: 'failed', message: cond.message ?? 'ProgressDeadlineExceeded' };
  const desired = spec?.replicas ?? 1;
  const observed = (st.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0);
  const updated = st.updatedReplicas ?? 0;
  const total = st.replicas ?? 0;
  const available = st.availableReplicas ?? 0;
  if (!observed) return { state: 'progressing', message: 'Waiting for the deployment spec update to be observed' };
  if (updated < desired) return { state: 'progressing', message: `${updated} of ${desired} new replicas have been updated` };
  if (total > updated) return { state: 'progressing', message: `${total - updated} old replicas are pending termination` };
  if (available < updated) return { state: 'progressing', message: `${available} of ${updated} updated replicas are available` };
  return { state: 'complete', message: cond?.message };
}

export function deploymentRow(d: V1Deployment): DeploymentRow {
  const desired = d.spec?.replicas ?? 1;
  const st = d.status ?? {};
  const readyReplicas = st.readyReplicas ?? 0;
  const progress = rolloutProgress(d);
  const health: Health =
    progress.state === 'failed' ? 'error' : progress.state === 'progressing' ? 'progress' : readyReplicas < desired ? 'warning' : 'ok';
  return {
    ...base(d),
    ready: `${readyReplicas}/${desired}`,
    replicas: desired,
    readyReplicas,
    updated: st.updatedReplicas ?? 0,
    available: st.availableReplicas ?? 0,
    ...containerSummary(d.spec?.template.spec?.containers),
    selector: formatSelector(d.spec?.selector),
    progress,
    health,
  };
}

export function replicaSetRow(rs: V1ReplicaSet): ReplicaSetRow {
  return {
    ...base(rs),
    desired: rs.spec?.replicas ?? 1,
    current: rs.status?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
    ...containerSummary(rs.spec?.template?.spec?.containers),
    selector: formatSelector(rs.spec?.selector),
    owner: controllerOf(rs),
  };
}
