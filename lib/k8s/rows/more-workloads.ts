import type { V1ConfigMap, V1CronJob, V1DaemonSet, V1Job, V1StatefulSet } from '@kubernetes/client-node';
import { formatSelector } from '@/lib/format';
import type { ConfigMapRow, CronJobRow, DeploymentRow, Health, JobRow } from './types';
import { base, containerSummary, controllerOf, toIso } from './common';

// StatefulSets and DaemonSets share the Deployment row's shape (replicas, ready, rollout), so the scale control and
// the rollout panel work on them unchanged; Jobs, CronJobs and ConfigMaps get kubectl's columns.

type Progress = DeploymentRow['progress'];

function workloadRow(
  obj: V1StatefulSet | V1DaemonSet, c: { desired: number; ready: number; updated: number; available: number; observed: boolean },
): DeploymentRow {
  const progress: Progress = !c.observed ? { state: 'progressing', message: 'Waiting for the spec update to be observed' }
    : c.updated < c.desired ? { state: 'progressing', message: `${c.updated} of ${c.desired} pods have been updated` }
      : c.ready < c.desired ? { state: 'progressing', message: `${c.ready} of ${c.desired} updated pods are ready` }
        : { state: 'complete' };
  const health: Health = progress.state === 'progressing' ? 'progress' : c.ready < c.desired ? 'warning' : 'ok';
  return {
    ...base(obj), ready: `${c.ready}/${c.desired}`, replicas: c.desired, readyReplicas: c.ready, updated: c.updated, available: c.available,
    ...containerSummary(obj.spec?.template.spec?.containers), selector: formatSelector(obj.spec?.selector), progress, health,
  };
}

export function statefulSetRow(s: V1StatefulSet): DeploymentRow {
  const st = s.status;
  const observed = (st?.observedGeneration ?? 0) >= (s.metadata?.generation ?? 0);
  const desired = s.spec?.replicas ?? 1;
  // A rolling update is done when the update revision is the current one (kubectl rollout status).
  const updated = st?.updateRevision && st.updateRevision === st.currentRevision ? (st.replicas ?? 0) : (st?.updatedReplicas ?? 0);
  return workloadRow(s, { desired, ready: st?.readyReplicas ?? 0, updated, available: st?.availableReplicas ?? 0, observed });
}

export function daemonSetRow(d: V1DaemonSet): DeploymentRow {
  const st = d.status;
  const observed = (st?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0);
  return workloadRow(d, {
    desired: st?.desiredNumberScheduled ?? 0, ready: st?.numberReady ?? 0, updated: st?.updatedNumberScheduled ?? 0,
    available: st?.numberAvailable ?? 0, observed,
  });
}

export function jobRow(j: V1Job): JobRow {
  const st = j.status ?? {};
  const done = (st.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  const status = done?.type ?? (st.active ? 'Running' : j.spec?.suspend ? 'Suspended' : 'Pending');
  const health: Health = status === 'Complete' ? 'ok' : status === 'Failed' ? 'error' : status === 'Running' ? 'progress' : 'neutral';
  return {
    ...base(j), status, health, completions: `${st.succeeded ?? 0}/${j.spec?.completions ?? 1}`,
    ...containerSummary(j.spec?.template.spec?.containers), owner: controllerOf(j),
  };
}

export function cronJobRow(c: V1CronJob): CronJobRow {
  return {
    ...base(c), schedule: c.spec?.schedule ?? '', suspend: c.spec?.suspend === true, active: c.status?.active?.length ?? 0,
    lastSchedule: toIso(c.status?.lastScheduleTime), ...containerSummary(c.spec?.jobTemplate.spec?.template.spec?.containers),
  };
}

export function configMapRow(c: V1ConfigMap): ConfigMapRow {
  return { ...base(c), data: Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length };
}
