import 'server-only';
import type { V1LabelSelector } from '@kubernetes/client-node';
import { formatSelector } from '@/lib/format';
import { kubeRequest } from '@/lib/k8s/client';
import { ApiError, badRequest } from '@/lib/k8s/errors';
import { apiPath } from '@/lib/k8s/resources';
import { toSortedYaml } from './apply/diff';
import type { ObjectRef } from './actions/target';
import {
  CHANGE_CAUSE, cleanTemplate, controllerRevisions, pickRevision, replicaSetRevisions, REVISION, templateDiff,
  type ControllerRevision, type OwnedReplicaSet, type Revision, type Template,
} from './rollout-history';

// `kubectl rollout history` and `kubectl rollout undo --to-revision` for Deployments (from their ReplicaSets) and
// StatefulSets/DaemonSets (from their ControllerRevisions). Every write is conditional on the resourceVersion read.

interface Workload {
  metadata?: { uid?: string; resourceVersion?: string; annotations?: Record<string, string> };
  spec?: { selector?: V1LabelSelector; template?: Template; paused?: boolean };
}

/** Annotations the deployment controller owns: kept from the Deployment, never copied from the ReplicaSet. */
const CONTROLLER_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration', REVISION, 'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to',
];

const objectPath = (t: ObjectRef) => apiPath(t.r, { namespace: t.namespace, name: t.name });

async function load(token: string, t: ObjectRef): Promise<{ workload: Workload; history: Revision[]; raw: Map<number, unknown> }> {
  const workload = (await kubeRequest<Workload>(token, { path: objectPath(t) })).body;
  const ns = encodeURIComponent(t.namespace ?? '');
  const query = { labelSelector: formatSelector(workload.spec?.selector).replace(/^<none>$/, '') };
  const uid = workload.metadata?.uid ?? '';
  if (t.r.kind === 'Deployment') {
    const list = await kubeRequest<{ items?: OwnedReplicaSet[] }>(token, { path: `/apis/apps/v1/namespaces/${ns}/replicasets`, query });
    return { workload, history: replicaSetRevisions(list.body.items ?? [], uid), raw: new Map() };
  }
  const list = await kubeRequest<{ items?: ControllerRevision[] }>(token, { path: `/apis/apps/v1/namespaces/${ns}/controllerrevisions`, query });
  const history = controllerRevisions(list.body.items ?? [], uid);
  const raw = new Map((list.body.items ?? []).map((cr) => [cr.revision ?? -1, cr.data] as const));
  return { workload, history, raw };
}

export interface History { revisions: Omit<Revision, 'template'>[]; current?: number; diff?: string }

/** The revisions, newest last; with from/to, the diff of those two revisions' pod templates. */
export async function rolloutHistory(token: string, t: ObjectRef, compare?: { from: number; to: number }): Promise<History> {
  const { workload, history } = await load(token, t);
  const now = toSortedYaml(cleanTemplate(workload.spec?.template));
  const current = history.find((r) => toSortedYaml(r.template) === now)?.revision;
  const revisions = history.map((r) => ({ revision: r.revision, source: r.source, created: r.created, changeCause: r.changeCause, images: r.images }));
  if (!compare) return { revisions, current };
  const [a, b] = [history.find((r) => r.revision === compare.from), history.find((r) => r.revision === compare.to)];
  if (!a || !b) throw new ApiError({ status: 404, reason: 'NotFound', message: `revision ${!a ? compare.from : compare.to} of ${t.name} not found` });
  return { revisions, current, diff: templateDiff(a, b) };
}

export interface UndoResult { revision: number; skipped?: string; warnings: string[] }

export async function rolloutUndo(token: string, t: ObjectRef, toRevision: number): Promise<UndoResult> {
  const { workload, history, raw } = await load(token, t);
  if (workload.spec?.paused) throw new ApiError(badRequest(`you cannot roll back a paused deployment; resume it first and try again`));
  const target = pickRevision(history, toRevision);
  if (!target) throw new ApiError({ status: 404, reason: 'NotFound', message: toRevision ? `unable to find the specified revision ${toRevision} in history` : 'no rollout history found' });
  if (toSortedYaml(target.template) === toSortedYaml(cleanTemplate(workload.spec?.template))) {
    return { revision: target.revision, skipped: `current template already matches revision ${target.revision}`, warnings: [] };
  }
  const rv = workload.metadata?.resourceVersion ?? '';
  let res;
  if (t.r.kind === 'Deployment') {
    const annotations: Record<string, string> = {};
    for (const k of CONTROLLER_ANNOTATIONS) if (workload.metadata?.annotations?.[k] !== undefined) annotations[k] = workload.metadata.annotations[k];
    const rs = history.find((r) => r.revision === target.revision);
    if (rs?.changeCause) annotations[CHANGE_CAUSE] = rs.changeCause;
    res = await kubeRequest(token, {
      method: 'PATCH', path: objectPath(t), contentType: 'application/json-patch+json',
      body: [
        // A resourceVersion in the patched object makes the write conditional: 409 if the Deployment moved.
        { op: 'replace', path: '/metadata/resourceVersion', value: rv },
        { op: 'replace', path: '/spec/template', value: target.template },
        { op: 'add', path: '/metadata/annotations', value: annotations },
      ],
      query: { fieldManager: 'wheelhouse' },
    });
  } else {
    // What kubectl sends: the ControllerRevision's data, a strategic merge patch that replaces the template.
    const data = (raw.get(target.revision) ?? {}) as Record<string, unknown>;
    res = await kubeRequest(token, {
      method: 'PATCH', path: objectPath(t), contentType: 'application/strategic-merge-patch+json',
      body: { ...data, metadata: { resourceVersion: rv } }, query: { fieldManager: 'wheelhouse' },
    });
  }
  return { revision: target.revision, warnings: res.warnings };
}
