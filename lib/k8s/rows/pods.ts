import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { Health, PodRow } from './types';
import { base, controllerOf } from './common';
import { bytes, milliCpu } from '@/lib/k8s/quantity';

// kubectl's `get pods` STATUS and READY, following printPod in kubectl's printers.

function terminatedReason(s: V1ContainerStatus, prefix = ''): string | undefined {
  const t = s.state?.terminated;
  if (!t) return undefined;
  if (t.reason) return prefix + t.reason;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode}`;
}

export function podStatus(pod: V1Pod): { status: string; ready: string; restarts: number; lastRestart?: string } {
  const spec = pod.spec;
  const st = pod.status ?? {};
  const sidecars = new Set((spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const total = (spec?.containers.length ?? 0) + sidecars.size;
  let ready = 0;
  let restarts = 0;
  let lastRestart: string | undefined;
  const noteRestart = (s: V1ContainerStatus) => {
    restarts += s.restartCount ?? 0;
    const at = s.lastState?.terminated?.finishedAt;
    const iso = at ? new Date(at as unknown as string).toISOString() : undefined;
    if (iso && (!lastRestart || iso > lastRestart)) lastRestart = iso;
  };
  let reason = st.reason || st.phase || 'Unknown';
  let initializing = false;
  const inits = st.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const s = inits[i];
    noteRestart(s);
    if (sidecars.has(s.name) && s.started) {
      if (s.ready) ready++;
      continue;
    }
    if (s.state?.terminated?.exitCode === 0) continue;
    initializing = true;
    if (s.state?.terminated) reason = terminatedReason(s, 'Init:') ?? reason;
    else if (s.state?.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') reason = `Init:${s.state.waiting.reason}`;
    else reason = `Init:${i}/${spec?.initContainers?.length ?? inits.length}`;
    break;
  }
  const initialized = (st.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    let hasRunning = false;
    const containers = st.containerStatuses ?? [];
    for (let i = containers.length - 1; i >= 0; i--) {
      const s = containers[i];
      noteRestart(s);
      if (s.state?.waiting?.reason) reason = s.state.waiting.reason;
      else if (s.state?.terminated) reason = terminatedReason(s) ?? reason;
      else if (s.ready && s.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (st.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp) reason = st.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return { status: reason, ready: `${ready}/${total}`, restarts, lastRestart };
}

const PROGRESS = /^(Pending|ContainerCreating|PodInitializing|Init:\d+\/\d+|Terminating)$/;
const OK = new Set(['Running', 'Completed', 'Succeeded']);

export function podHealth(status: string, ready: string): Health {
  if (OK.has(status)) {
    const [r, t] = ready.split('/');
    return status === 'Running' && r !== t ? 'warning' : 'ok';
  }
  if (PROGRESS.test(status)) return 'progress';
  if (status === 'NotReady' || status === 'Unknown') return 'warning';
  return 'error';
}

/** Requests and limits summed over the pod's containers (what usage is compared with); undefined when none is set. */
export function podResources(pod: V1Pod): PodRow['res'] {
  const cs = pod.spec?.containers ?? [];
  const sum = (pick: (c: (typeof cs)[number]) => string | undefined, parse: (q: string) => number, all: boolean) => {
    let total = 0;
    for (const c of cs) {
      const v = parse(pick(c) ?? '');
      if (Number.isFinite(v)) total += v;
      else if (all) return 0;
    }
    return total;
  };
  const res: NonNullable<PodRow['res']> = [
    sum((c) => c.resources?.requests?.cpu, milliCpu, false),
    sum((c) => c.resources?.limits?.cpu, milliCpu, true),
    sum((c) => c.resources?.requests?.memory, bytes, false),
    sum((c) => c.resources?.limits?.memory, bytes, true),
  ];
  return res.some((v) => v > 0) ? res : undefined;
}

export function podRow(pod: V1Pod): PodRow {
  const { status, ready, restarts, lastRestart } = podStatus(pod);
  const res = podResources(pod);
  return {
    ...base(pod),
    ready,
    status,
    health: podHealth(status, ready),
    restarts,
    lastRestart,
    ip: pod.status?.podIP || '<none>',
    node: pod.spec?.nodeName || '<none>',
    labels: pod.metadata?.labels ?? {},
    owner: controllerOf(pod),
    ...(res ? { res } : {}),
  };
}
