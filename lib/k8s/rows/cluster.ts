import type { CoreV1Event, V1Namespace, V1Node } from '@kubernetes/client-node';
import type { EventRow, NamespaceRow, NodeRow } from './types';
import { base, toIso } from './common';
import { bytes, milliCpu } from '@/lib/k8s/quantity';

export function nodeRoles(labels: Record<string, string> = {}): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

export function nodeRow(node: V1Node): NodeRow {
  const st = node.status ?? {};
  const ready = (st.conditions ?? []).find((c) => c.type === 'Ready');
  let status = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown';
  if (node.spec?.unschedulable) status += ',SchedulingDisabled';
  const address = (type: string) => (st.addresses ?? []).filter((a) => a.type === type).map((a) => a.address).join(',') || '<none>';
  return {
    ...base(node),
    status,
    health: status.startsWith('Ready') ? 'ok' : 'error',
    roles: nodeRoles(node.metadata?.labels),
    version: st.nodeInfo?.kubeletVersion || '<unknown>',
    internalIP: address('InternalIP'),
    externalIP: address('ExternalIP'),
    cpu: st.capacity?.cpu ?? '',
    memory: st.capacity?.memory ?? '',
    pods: st.capacity?.pods ?? '',
    osImage: st.nodeInfo?.osImage || '<unknown>',
    ...(st.allocatable ? { alloc: [milliCpu(st.allocatable.cpu) || 0, bytes(st.allocatable.memory) || 0, Number(st.allocatable.pods) || 0] } : {}),
  };
}

export function namespaceRow(ns: V1Namespace): NamespaceRow {
  const status = ns.status?.phase ?? 'Unknown';
  return { ...base(ns), status, health: status === 'Active' ? 'ok' : status === 'Terminating' ? 'progress' : 'warning' };
}

export function eventRow(e: CoreV1Event): EventRow {
  const obj = e.involvedObject ?? {};
  return {
    ...base(e),
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    object: `${(obj.kind ?? '').toLowerCase()}/${obj.name ?? ''}`,
    objectKind: obj.kind,
    objectName: obj.name,
    message: (e.message ?? '').trim(),
    count: e.series?.count ?? e.count ?? 1,
    lastSeen: toIso(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp),
    source: e.source?.component ?? e.reportingComponent ?? '',
  };
}
