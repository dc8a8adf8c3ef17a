import 'server-only';
import { kubeRequest } from '@/lib/k8s/client';
import { ApiError, badRequest } from '@/lib/k8s/errors';
import { apiPath } from '@/lib/k8s/resources';
import { rolloutUndo } from '@/lib/k8s/rollout';
import { FIELD_MANAGER } from '@/lib/k8s/apply/ssa';
import type { ObjectActionId } from './catalog';
import { runCronJobNow } from './cronjob';
import type { ObjectRef } from './target';

// The one-step actions of POST …/actions/{action}. Most are a merge patch of one field, as kubectl sends them.

const FIELD_PATCHES: Partial<Record<ObjectActionId, Record<string, unknown>>> = {
  pause: { spec: { paused: true } },
  resume: { spec: { paused: null } },
  cordon: { spec: { unschedulable: true } },
  uncordon: { spec: { unschedulable: null } },
  suspend: { spec: { suspend: true } },
  unsuspend: { spec: { suspend: false } },
};

const PAST: Partial<Record<ObjectActionId, string>> = {
  pause: 'paused', resume: 'resumed', cordon: 'cordoned', uncordon: 'uncordoned', suspend: 'suspended', unsuspend: 'resumed',
};

export interface ActionResult { action: ObjectActionId; message: string; warnings: string[]; job?: string; revision?: number }

/** The body's `revision` for undo: 0 (the previous one) or a revision number. */
export function parseRevision(body: unknown): number {
  const v = typeof body === 'object' && body !== null ? (body as { revision?: unknown }).revision : undefined;
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 2 ** 53) throw new ApiError(badRequest('revision must be a whole number (0 for the previous one)'));
  return v;
}

export async function runObjectAction(token: string, t: ObjectRef, action: ObjectActionId, body: unknown): Promise<ActionResult> {
  if (action === 'run-now') {
    const { job, warnings } = await runCronJobNow(token, t);
    return { action, message: `job.batch/${job} created`, job, warnings };
  }
  if (action === 'undo') {
    const r = await rolloutUndo(token, t, parseRevision(body));
    return { action, message: r.skipped ? `skipped rollback (${r.skipped})` : `rolled back to revision ${r.revision}`, revision: r.revision, warnings: r.warnings };
  }
  const patch = FIELD_PATCHES[action];
  if (!patch) throw new ApiError(badRequest(`unknown action "${action}"`));
  const res = await kubeRequest(token, {
    method: 'PATCH', path: apiPath(t.r, { namespace: t.namespace, name: t.name }), contentType: 'application/merge-patch+json',
    body: patch, query: { fieldManager: FIELD_MANAGER },
  });
  return { action, message: `${t.r.kind.toLowerCase()}/${t.name} ${PAST[action] ?? action}`, warnings: res.warnings };
}
