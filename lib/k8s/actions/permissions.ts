import { ApiError, badRequest } from '@/lib/k8s/errors';
import { RESOURCES, type KindName } from '@/lib/k8s/resources';
import { checkName, checkNamespace } from '@/lib/k8s/validate';
import { offers } from './catalog';

// Which operate actions apply to a kind, and the permission each one needs (a SelfSubjectAccessReview attribute
// set). Client-safe: the controls ask for exactly what the route handlers will do.

export const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'] as const;
export type Verb = (typeof VERBS)[number];

export interface AccessCheck {
  verb: Verb; group: string; resource: string; subresource?: string; namespace?: string; name?: string;
  /** Narrow a list/watch review to a selector (SelfSubjectAccessReview rawSelector). */
  labelSelector?: string; fieldSelector?: string;
}
export interface AccessResult { allowed: boolean; reason?: string }

export type MutatingAction = 'scale' | 'restart' | 'delete';
export type ObjectAction = MutatingAction | 'logs';



/** Pods, and workloads whose logs are those of the pods their selector matches. */
const WITH_LOGS: ReadonlySet<KindName> = new Set<KindName>(['pods', 'deployments', 'statefulsets', 'daemonsets', 'replicasets', 'jobs']);

export function isScalable(kind: KindName): boolean {
  return Boolean((RESOURCES[kind] as { scalable?: boolean }).scalable);
}

export function supports(kind: KindName, action: ObjectAction): boolean {
  switch (action) {
    case 'scale': return isScalable(kind);
    case 'restart': return offers(RESOURCES[kind], 'restart');
    case 'delete': return offers(RESOURCES[kind], 'delete');
    case 'logs': return WITH_LOGS.has(kind);
  }
}

/** The permission a mutating action needs; without a name it asks about every object of the kind in the namespace. */
export function accessCheckFor(action: MutatingAction, kind: KindName, namespace?: string, name?: string): AccessCheck {
  const r = RESOURCES[kind];
  const where = { ...(r.namespaced && namespace ? { namespace } : {}), ...(name ? { name } : {}) };
  switch (action) {
    case 'scale': return { verb: 'patch', group: r.group, resource: r.plural, subresource: 'scale', ...where };
    case 'restart': return { verb: 'patch', group: r.group, resource: r.plural, ...where };
    case 'delete': return { verb: 'delete', group: r.group, resource: r.plural, ...where };
  }
}

/** "patch deployments/scale in default", kubectl auth can-i's wording. */
export function describeCheck(c: AccessCheck): string {
  const what = `${c.resource}${c.subresource ? `/${c.subresource}` : ''}${c.name ? ` "${c.name}"` : ''}`;
  return `${c.verb} ${what} ${c.namespace ? `in ${c.namespace}` : 'cluster-wide'}`;
}

/** Why a control is disabled: "You cannot patch deployments/scale in default (system:serviceaccount:default:viewer)". */
export function denialReason(c: AccessCheck, username: string, serverReason?: string): string {
  const base = `You cannot ${describeCheck(c)} (${username})`;
  return serverReason ? `${base}: ${serverReason}` : base;
}

export const MAX_ACCESS_CHECKS = 20;
const GROUP = /^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const RESOURCE = /^[a-z][a-z0-9]{0,62}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseCheck(v: unknown, i: number): AccessCheck {
  const at = `checks[${i}]`;
  if (!isRecord(v)) throw new ApiError(badRequest(`${at} must be an object`));
  const { verb, group, resource, subresource, namespace, name } = v;
  if (typeof verb !== 'string' || !(VERBS as readonly string[]).includes(verb)) throw new ApiError(badRequest(`${at}.verb must be one of ${VERBS.join(', ')}`));
  if (typeof group !== 'string' || group.length > 253 || !GROUP.test(group)) throw new ApiError(badRequest(`${at}.group is not an API group`));
  if (typeof resource !== 'string' || !RESOURCE.test(resource)) throw new ApiError(badRequest(`${at}.resource is not a resource name`));
  if (subresource !== undefined && (typeof subresource !== 'string' || !RESOURCE.test(subresource))) throw new ApiError(badRequest(`${at}.subresource is not a subresource name`));
  const check: AccessCheck = { verb: verb as Verb, group, resource, ...(subresource ? { subresource: subresource as string } : {}) };
  if (namespace !== undefined) {
    const ok = typeof namespace === 'string' ? checkNamespace(namespace) : { ok: false as const, error: 'namespace must be a string' };
    if (!ok.ok) throw new ApiError(badRequest(`${at}: ${ok.error}`));
    check.namespace = namespace as string;
  }
  if (name !== undefined) {
    const ok = typeof name === 'string' ? checkName(name) : { ok: false as const, error: 'name must be a string' };
    if (!ok.ok) throw new ApiError(badRequest(`${at}: ${ok.error}`));
    check.name = name as string;
  }
  return check;
}

/** The body of POST /api/access: { checks: AccessCheck[] } with 1..20 entries. */
export function parseAccessChecks(body: unknown): AccessCheck[] {
  const checks = isRecord(body) ? body.checks : undefined;
  if (!Array.isArray(checks) || checks.length === 0) throw new ApiError(badRequest('checks must be a non-empty array'));
  if (checks.length > MAX_ACCESS_CHECKS) throw new ApiError(badRequest(`at most ${MAX_ACCESS_CHECKS} checks per request`));
  return checks.map(parseCheck);
}
