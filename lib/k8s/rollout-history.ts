import { createTwoFilesPatch } from 'diff';
import { toSortedYaml } from './apply/diff';

// Pure: a workload's revisions as `kubectl rollout history` lists them, from the ReplicaSets a Deployment owns or
// the ControllerRevisions of a StatefulSet or DaemonSet, and the diff of two revisions' pod templates.

export const REVISION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const POD_TEMPLATE_HASH = 'pod-template-hash';

interface Meta { name?: string; uid?: string; creationTimestamp?: string | Date; annotations?: Record<string, string>; ownerReferences?: { uid?: string; controller?: boolean }[] }
export interface Template { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: { containers?: { image?: string }[] } }
export interface OwnedReplicaSet { metadata?: Meta; spec?: { template?: Template } }
export interface ControllerRevision { metadata?: Meta; revision?: number; data?: { spec?: { template?: Template } } }

export interface Revision { revision: number; source: string; created?: string; changeCause?: string; images: string[]; template: Template }

function ownedBy(m: Meta | undefined, uid: string): boolean {
  return (m?.ownerReferences ?? []).some((o) => o.controller && o.uid === uid);
}

function iso(t: string | Date | undefined): string | undefined {
  return t === undefined ? undefined : new Date(t).toISOString();
}

/** The template as the workload holds it: the ReplicaSet's own pod-template-hash label is the controller's. */
export function cleanTemplate(t: Template | undefined): Template {
  const template = structuredClone(t ?? {});
  // A ControllerRevision's template is a strategic merge patch that says "replace".
  delete (template as Record<string, unknown>)['$patch'];
  if (template.metadata?.labels) {
    delete template.metadata.labels[POD_TEMPLATE_HASH];
    if (!Object.keys(template.metadata.labels).length) delete template.metadata.labels;
  }
  return template;
}

function revisionOf(source: string, revision: number, m: Meta | undefined, template: Template | undefined): Revision {
  const t = cleanTemplate(template);
  const changeCause = m?.annotations?.[CHANGE_CAUSE];
  return {
    revision, source, created: iso(m?.creationTimestamp), ...(changeCause ? { changeCause } : {}),
    images: (t.spec?.containers ?? []).map((c) => c.image ?? ''), template: t,
  };
}

export function replicaSetRevisions(items: OwnedReplicaSet[], ownerUid: string): Revision[] {
  return items
    .filter((rs) => ownedBy(rs.metadata, ownerUid) && rs.metadata?.annotations?.[REVISION])
    .map((rs) => revisionOf(rs.metadata?.name ?? '', Number(rs.metadata!.annotations![REVISION]), rs.metadata, rs.spec?.template))
    .filter((r) => Number.isInteger(r.revision))
    .sort((a, b) => a.revision - b.revision);
}

export function controllerRevisions(items: ControllerRevision[], ownerUid: string): Revision[] {
  return items
    .filter((cr) => ownedBy(cr.metadata, ownerUid) && typeof cr.revision === 'number')
    .map((cr) => revisionOf(cr.metadata?.name ?? '', cr.revision!, cr.metadata, cr.data?.spec?.template))
    .sort((a, b) => a.revision - b.revision);
}

/** Which revision `undo` goes to: the one asked for, or (0) the one before the latest, as kubectl does. */
export function pickRevision(history: Revision[], to: number): Revision | undefined {
  if (to > 0) return history.find((r) => r.revision === to);
  return history.length >= 2 ? history[history.length - 2] : undefined;
}

export function templateDiff(a: Revision, b: Revision): string {
  const patch = createTwoFilesPatch(`revision ${a.revision}`, `revision ${b.revision}`, toSortedYaml(a.template), toSortedYaml(b.template), undefined, undefined, { context: 3 });
  return patch.replace(/^=+\n/, '');
}
