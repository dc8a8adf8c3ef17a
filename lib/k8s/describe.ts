import type { V1Container, V1ContainerStatus, V1Deployment, V1Node, V1Pod, V1ReplicaSet, V1Service } from '@kubernetes/client-node';
import { formatSelector } from '@/lib/format';
import { kindNameOf } from './resources';
import { toIso } from './rows/common';
import { podResources, podStatus } from './rows/pods';
import { formatServicePorts, externalIP } from './rows/services';
import { nodeRoles } from './rows/cluster';
import type { ConditionInfo, ContainerInfo, OwnerLink } from './detail-types';

// Pure: a raw object → the summary lines, containers and conditions of its detail page (kubectl describe).

interface Meta { metadata?: { ownerReferences?: { kind: string; name: string }[] } }
interface WithConditions { status?: { conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: unknown }[] } }

export function owners(obj: Meta): OwnerLink[] {
  return (obj.metadata?.ownerReferences ?? []).map((o) => ({ kind: o.kind, name: o.name, kindName: kindNameOf(o.kind) }));
}

export function conditions(obj: WithConditions): ConditionInfo[] {
  return (obj.status?.conditions ?? []).map((c) => ({
    type: c.type, status: c.status, reason: c.reason, message: c.message, lastTransition: toIso(c.lastTransitionTime),
  }));
}

function containerState(s: V1ContainerStatus | undefined): { state: string; stateDetail?: string } {
  const st = s?.state;
  if (!st) return { state: 'Unknown' };
  if (st.running) return { state: 'Running', stateDetail: st.running.startedAt ? `since ${toIso(st.running.startedAt)}` : undefined };
  if (st.waiting) return { state: 'Waiting', stateDetail: [st.waiting.reason, st.waiting.message].filter(Boolean).join(': ') || undefined };
  if (st.terminated) {
    const t = st.terminated;
    return { state: 'Terminated', stateDetail: `${t.reason ?? 'exit'} (exit code ${t.exitCode})` };
  }
  return { state: 'Unknown' };
}

function portsOf(c: V1Container): string {
  return (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ') || '<none>';
}

export function containers(spec: { containers: V1Container[]; initContainers?: V1Container[] } | undefined, statuses?: V1Pod['status']): ContainerInfo[] {
  const find = (list: V1ContainerStatus[] | undefined, name: string) => list?.find((s) => s.name === name);
  const one = (c: V1Container, init: boolean): ContainerInfo => {
    const s = find(init ? statuses?.initContainerStatuses : statuses?.containerStatuses, c.name);
    const res = podResources({ spec: { containers: [c] } });
    return {
      name: c.name, init, image: c.image ?? '', ports: portsOf(c),
      ...(statuses ? containerState(s) : { state: '—' }),
      ready: s?.ready, restarts: s?.restartCount ?? 0,
      ...(res ? { res } : {}),
    };
  };
  return [...(spec?.initContainers ?? []).map((c) => one(c, true)), ...(spec?.containers ?? []).map((c) => one(c, false))];
}

type Fields = [string, string][];

export function podFields(p: V1Pod): Fields {
  return [
    ['Status', podStatus(p).status],
    ['Node', p.spec?.nodeName ?? '<none>'],
    ['IP', p.status?.podIP ?? '<none>'],
    ['Host IP', p.status?.hostIP ?? '<none>'],
    ['QoS class', p.status?.qosClass ?? '<none>'],
    ['Service account', p.spec?.serviceAccountName ?? 'default'],
    ['Start time', toIso(p.status?.startTime) ?? '<none>'],
    ['Restart policy', p.spec?.restartPolicy ?? 'Always'],
  ];
}

export function deploymentFields(d: V1Deployment): Fields {
  const st = d.status ?? {};
  const desired = d.spec?.replicas ?? 1;
  const strategy = d.spec?.strategy;
  const ru = strategy?.rollingUpdate;
  return [
    ['Replicas', `${desired} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable`],
    ['Selector', formatSelector(d.spec?.selector)],
    ['Strategy', strategy?.type ?? 'RollingUpdate'],
    ...(ru ? ([['Rolling update', `${ru.maxUnavailable ?? '25%'} max unavailable, ${ru.maxSurge ?? '25%'} max surge`]] as Fields) : []),
    ['Min ready seconds', String(d.spec?.minReadySeconds ?? 0)],
    ['Progress deadline', `${d.spec?.progressDeadlineSeconds ?? 600}s`],
  ];
}

export function replicaSetFields(rs: V1ReplicaSet): Fields {
  return [
    ['Replicas', `${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired`],
    ['Ready', String(rs.status?.readyReplicas ?? 0)],
    ['Selector', formatSelector(rs.spec?.selector)],
  ];
}

export function serviceFields(s: V1Service): Fields {
  const spec = s.spec ?? {};
  return [
    ['Type', spec.type ?? 'ClusterIP'],
    ['Cluster IP', spec.clusterIP ?? '<none>'],
    ['External IP', externalIP(s)],
    ['Port(s)', formatServicePorts(spec.ports)],
    ['Target ports', (spec.ports ?? []).map((p) => `${p.name ? `${p.name}: ` : ''}${p.port}→${p.targetPort ?? p.port}`).join(', ') || '<none>'],
    ['Selector', formatSelector(spec.selector)],
    ['Session affinity', spec.sessionAffinity ?? 'None'],
    ...(spec.externalTrafficPolicy ? ([['External traffic policy', spec.externalTrafficPolicy]] as Fields) : []),
  ];
}

export function nodeFields(n: V1Node): Fields {
  const st = n.status ?? {};
  const info = st.nodeInfo;
  return [
    ['Roles', nodeRoles(n.metadata?.labels)],
    ['Addresses', (st.addresses ?? []).map((a) => `${a.type}: ${a.address}`).join(', ') || '<none>'],
    ['Capacity', `cpu ${st.capacity?.cpu ?? '?'}, memory ${st.capacity?.memory ?? '?'}, pods ${st.capacity?.pods ?? '?'}`],
    ['Allocatable', `cpu ${st.allocatable?.cpu ?? '?'}, memory ${st.allocatable?.memory ?? '?'}, pods ${st.allocatable?.pods ?? '?'}`],
    ['Pod CIDR', n.spec?.podCIDR ?? '<none>'],
    ['Kubelet version', info?.kubeletVersion ?? '<unknown>'],
    ['OS image', info?.osImage ?? '<unknown>'],
    ['Container runtime', info?.containerRuntimeVersion ?? '<unknown>'],
    ['Unschedulable', String(n.spec?.unschedulable ?? false)],
    ['Taints', (n.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join(', ') || '<none>'],
  ];
}
