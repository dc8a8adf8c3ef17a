'use client';

import type { KindName } from '@/lib/k8s/resources';

// The list hook's SWR keys for a kind (`/api/k8s/deployments?namespace=…`), so an action can show its effect in every
// table at once and then ask for the truth.

export function isListKeyOf(kind: KindName): (key: unknown) => boolean {
  const base = `/api/k8s/${kind}`;
  return (key) => typeof key === 'string' && (key === base || key.startsWith(`${base}?`));
}

interface ReplicaRow { name: string; namespace?: string; replicas?: number; readyReplicas?: number }
interface RowListData { rows?: ReplicaRow[] }

/** A list answer with one object's desired replicas set to the requested number, shown as a rollout in progress. */
export function withRequestedReplicas<T>(data: T, namespace: string | undefined, name: string, replicas: number): T {
  const list = data as RowListData | undefined;
  if (!list?.rows) return data;
  const rows = list.rows.map((r) => (r.name === name && r.namespace === namespace
    ? { ...r, replicas, ready: `${r.readyReplicas ?? 0}/${replicas}`, progress: { state: 'progressing', message: `scaling to ${replicas}` }, health: 'progress' }
    : r));
  return { ...list, rows } as T;
}

export function objectUrl(kind: KindName, namespace: string | undefined, name: string, sub?: string): string {
  return `/api/k8s/${kind}/${namespace ?? '-'}/${encodeURIComponent(name)}${sub ? `/${sub}` : ''}`;
}
