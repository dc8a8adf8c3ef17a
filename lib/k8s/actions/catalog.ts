import type { AccessCheck } from './permissions';

// Which actions an object offers, as data over a kind descriptor (group, kind, plural, scope, subresources), so it
// holds for kinds that come from discovery too. Client-safe: the controls ask for exactly what the handlers do.

export interface KindDescriptor {
  group: string; kind: string; plural: string; namespaced: boolean;
  /** Subresources discovery lists for the kind ("scale", "status"); `scalable` is the registry's word for "scale". */
  subresources?: readonly string[]; scalable?: boolean;
}

export const ROLLOUT_ACTIONS = ['undo', 'pause', 'resume'] as const;
export const OBJECT_ACTIONS = ['undo', 'pause', 'resume', 'cordon', 'uncordon', 'suspend', 'unsuspend', 'run-now'] as const;
/** Actions of POST …/actions/{action}: one small step each, answered at once. */
export type ObjectActionId = (typeof OBJECT_ACTIONS)[number];
export type Capability = 'edit' | 'delete' | 'scale' | 'restart' | 'history' | 'drain' | ObjectActionId;

/** Per-kind actions, keyed "group/Kind" ("" group for the core API). */
const BY_KIND: Record<string, readonly Capability[]> = {
  'apps/Deployment': ['restart', 'history', 'undo', 'pause', 'resume'],
  'apps/StatefulSet': ['restart', 'history', 'undo'],
  'apps/DaemonSet': ['restart', 'history', 'undo'],
  'batch/CronJob': ['suspend', 'unsuspend', 'run-now'],
  '/Node': ['cordon', 'uncordon', 'drain'],
};

/** Kinds whose objects the API server manages alone (edit and delete make no sense). */
const READ_ONLY = new Set(['/Event', 'events.k8s.io/Event']);
/**
 * Kinds not edited in place: a Secret's editor would put every value on screen at once, where the detail page reveals
 * one key at a time after an access review, with an audit line each. Secrets change through Apply instead.
 */
const NO_EDIT = new Set(['/Secret']);

export function kindKey(d: Pick<KindDescriptor, 'group' | 'kind'>): string {
  return `${d.group}/${d.kind}`;
}

export function capabilities(d: KindDescriptor): Capability[] {
  if (READ_ONLY.has(kindKey(d))) return [];
  const scale = d.scalable || d.subresources?.includes('scale') ? (['scale'] as const) : [];
  const edit = NO_EDIT.has(kindKey(d)) ? [] : (['edit'] as const);
  return [...edit, 'delete', ...scale, ...(BY_KIND[kindKey(d)] ?? [])];
}

export function offers(d: KindDescriptor, c: Capability): boolean {
  return capabilities(d).includes(c);
}

export function isObjectAction(v: string): v is ObjectActionId {
  return (OBJECT_ACTIONS as readonly string[]).includes(v);
}

/** The permissions an action needs on one object, or without a name on every object of the kind in the namespace. */
export function checksFor(c: Capability, d: KindDescriptor, namespace: string | undefined, name?: string): AccessCheck[] {
  const where = { ...(d.namespaced && namespace ? { namespace } : {}), ...(name ? { name } : {}) };
  const on = { group: d.group, resource: d.plural, ...where };
  switch (c) {
    case 'delete': return [{ verb: 'delete', ...on }];
    case 'scale': return [{ verb: 'patch', ...on, subresource: 'scale' }];
    case 'history': return [{ verb: 'list', group: 'apps', resource: d.kind === 'Deployment' ? 'replicasets' : 'controllerrevisions', ...(namespace ? { namespace } : {}) }];
    case 'run-now': return [{ verb: 'create', group: 'batch', resource: 'jobs', ...(namespace ? { namespace } : {}) }];
    // Drain cordons the node, then evicts its pods wherever they run.
    case 'drain': return [{ verb: 'patch', ...on }, { verb: 'create', group: '', resource: 'pods', subresource: 'eviction' }];
    default: return [{ verb: 'patch', ...on }];
  }
}
