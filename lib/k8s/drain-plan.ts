// Pure: which pods of a node `kubectl drain` would evict, skip or refuse to touch, and the shape of its progress.
// DaemonSet pods and mirror pods are skipped (their controller would put them straight back); pods with emptyDir
// data and pods no controller recreates are evicted only with the user's explicit consent.

export interface DrainPod {
  metadata?: { name?: string; namespace?: string; uid?: string; annotations?: Record<string, string>; ownerReferences?: { kind?: string; controller?: boolean }[]; deletionTimestamp?: unknown };
  spec?: { volumes?: { emptyDir?: unknown }[] };
  status?: { phase?: string };
}

export interface DrainConsent { emptyDirData: boolean; unmanaged: boolean }
export type PodState = 'pending' | 'evicting' | 'blocked' | 'evicted' | 'gone' | 'skipped' | 'refused' | 'failed';
export interface PodProgress { namespace: string; name: string; uid?: string; state: PodState; message?: string; attempts: number }
export type DrainState = 'running' | 'done' | 'refused' | 'failed' | 'timeout' | 'cancelled';
export interface DrainProgress { node: string; state: DrainState; message?: string; startedAt: string; deadline: string; pods: PodProgress[] }

const MIRROR = 'kubernetes.io/config.mirror';

function controller(p: DrainPod) {
  return (p.metadata?.ownerReferences ?? []).find((o) => o.controller);
}

/** One pod's fate before anything is evicted. */
export function classify(p: DrainPod, consent: DrainConsent): { state: 'pending' | 'skipped' | 'refused'; message?: string } {
  if (p.metadata?.annotations?.[MIRROR] !== undefined) return { state: 'skipped', message: 'mirror pod (managed by the kubelet)' };
  if (controller(p)?.kind === 'DaemonSet') return { state: 'skipped', message: 'DaemonSet-managed pod' };
  const finished = p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
  if (!controller(p) && !finished && !consent.unmanaged) {
    return { state: 'refused', message: 'not managed by a controller: it would not come back (allow unmanaged pods to evict it)' };
  }
  if ((p.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined) && !consent.emptyDirData) {
    return { state: 'refused', message: 'uses emptyDir: its local data would be lost (allow deleting emptyDir data to evict it)' };
  }
  return { state: 'pending' };
}

export function planDrain(pods: DrainPod[], consent: DrainConsent): PodProgress[] {
  return pods
    .filter((p) => !p.metadata?.deletionTimestamp)
    .map((p) => ({ namespace: p.metadata?.namespace ?? '', name: p.metadata?.name ?? '', uid: p.metadata?.uid, attempts: 0, ...classify(p, consent) }))
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}

/** The budget that refused an eviction (429), in the API server's words: "The disruption budget web needs 2 …". */
export function blockedBy(message: string, causes: { reason?: string; message: string }[] = []): string {
  const budget = causes.find((c) => c.reason === 'DisruptionBudget');
  return budget ? `${message} ${budget.message}` : message;
}

/** Seconds a drain may take: 1..600, 120 by default. */
export function parseTimeout(v: unknown): number {
  if (v === undefined) return 120;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 600) throw new RangeError('timeoutSeconds must be a whole number from 1 to 600');
  return v;
}
