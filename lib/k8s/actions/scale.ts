import 'server-only';
import { kubeRequest } from '@/lib/k8s/client';
import { ApiError } from '@/lib/k8s/errors';
import { apiPath } from '@/lib/k8s/resources';
import type { HpaInfo, ScaleInfo, ScaleRequest, ScaleResult } from './scale-input';
import { targetLabel, type ObjectRef } from './target';

// Scaling through the scale subresource (what `kubectl scale` does), with a HorizontalPodAutoscaler lookup so the
// UI can warn that an HPA will override a manual change.

interface Scale { metadata?: { resourceVersion?: string }; spec?: { replicas?: number }; status?: { replicas?: number; selector?: string } }
interface HpaList {
  items?: { metadata?: { name?: string }; spec?: { scaleTargetRef?: { kind?: string; name?: string; apiVersion?: string }; minReplicas?: number; maxReplicas?: number } }[];
}


const CONFLICT_RETRIES = 3;

function scalePath(t: ObjectRef): string {
  return apiPath(t.r, { namespace: t.namespace, name: t.name, subresource: 'scale' });
}

/** The HPA whose scaleTargetRef is this object, if any; a user who may not list HPAs simply gets no warning. */
export async function findHpa(token: string, t: ObjectRef): Promise<HpaInfo | undefined> {
  if (!t.namespace) return undefined;
  try {
    const res = await kubeRequest<HpaList>(token, { path: `/apis/autoscaling/v2/namespaces/${encodeURIComponent(t.namespace)}/horizontalpodautoscalers` });
    const hpa = (res.body.items ?? []).find((h) => {
      const ref = h.spec?.scaleTargetRef;
      const group = ref?.apiVersion?.includes('/') ? ref.apiVersion.split('/')[0] : '';
      return ref?.kind === t.r.kind && ref.name === t.name && (!ref.apiVersion || group === t.r.group);
    });
    return hpa ? { name: hpa.metadata?.name ?? '', minReplicas: hpa.spec?.minReplicas ?? 1, maxReplicas: hpa.spec?.maxReplicas ?? 0 } : undefined;
  } catch (e) {
    if (e instanceof ApiError && (e.body.status === 403 || e.body.status === 404)) return undefined;
    throw e;
  }
}

async function getScale(token: string, t: ObjectRef): Promise<Scale> {
  return (await kubeRequest<Scale>(token, { path: scalePath(t) })).body;
}

export async function readScale(token: string, t: ObjectRef, max: number): Promise<ScaleInfo> {
  const [scale, hpa] = await Promise.all([getScale(token, t), findHpa(token, t)]);
  return { replicas: scale.spec?.replicas ?? 0, currentReplicas: scale.status?.replicas ?? 0, max, ...(hpa ? { hpa } : {}) };
}

function changedMeanwhile(t: ObjectRef, now: number, expected: number): ApiError {
  return new ApiError({
    status: 409, reason: 'Conflict',
    message: `the replicas of ${targetLabel(t)} were changed to ${now} (you saw ${expected}) by someone else meanwhile; nothing was changed`,
  });
}

/**
 * Sets spec.replicas with a merge patch on the scale subresource. With expectedReplicas the patch carries the
 * resourceVersion it was checked against, so a concurrent change is a 409 and never silently overwritten.
 */
export async function scaleTo(token: string, t: ObjectRef, req: ScaleRequest): Promise<ScaleResult> {
  for (let attempt = 1; ; attempt++) {
    const current = await getScale(token, t);
    const previous = current.spec?.replicas ?? 0;
    if (req.expectedReplicas !== undefined && previous !== req.expectedReplicas) throw changedMeanwhile(t, previous, req.expectedReplicas);
    const rv = req.expectedReplicas !== undefined ? current.metadata?.resourceVersion : undefined;
    try {
      const res = await kubeRequest<Scale>(token, {
        method: 'PATCH',
        path: scalePath(t),
        contentType: 'application/merge-patch+json',
        body: { ...(rv ? { metadata: { resourceVersion: rv } } : {}), spec: { replicas: req.replicas } },
      });
      const hpa = await findHpa(token, t);
      return { replicas: res.body.spec?.replicas ?? req.replicas, previous, ...(hpa ? { hpa } : {}), warnings: res.warnings };
    } catch (e) {
      // A status update (the rollout itself) also bumps the resourceVersion: re-read and try again.
      if (!(e instanceof ApiError && e.body.status === 409 && attempt < CONFLICT_RETRIES)) throw e;
    }
  }
}
