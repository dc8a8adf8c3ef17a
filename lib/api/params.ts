import 'server-only';
import { ApiError, badRequest } from '@/lib/k8s/errors';
import { parseLabelSelector } from '@/lib/k8s/label-selector';
import { resolveKind } from '@/lib/k8s/discovery';
import { isKindName, resourceFor, type KindName, type KindRef } from '@/lib/k8s/resources';
import { checkName, checkNamespace, clip } from '@/lib/k8s/validate';

// Path and query parameters, validated before anything reaches a URL. Failures throw ApiError (400/404), which
// withSession turns into the one error shape.

/** The placeholder namespace segment of cluster-scoped objects' URLs (never a valid namespace name). */
export const CLUSTER_SCOPE = '-';

export function kindParam(value: string): KindName {
  if (!isKindName(value)) throw new ApiError({ status: 404, reason: 'NotFound', message: `unknown resource kind "${clip(value)}"` });
  return value;
}

const URL_NAME = /^[a-z0-9]([-a-z0-9.]{0,250}[a-z0-9])?$/;

/**
 * Any kind the API server serves: a registry name at once, anything else validated against the user's own
 * discovery (404 when the server serves no such resource, or it cannot be listed and watched).
 */
export async function kindRefParam(token: string, value: string): Promise<KindRef> {
  if (isKindName(value)) return value;
  if (!URL_NAME.test(value)) throw new ApiError({ status: 404, reason: 'NotFound', message: `unknown resource kind "${clip(value)}"` });
  const e = await resolveKind(token, value);
  return { name: e.name, kind: e.kind, group: e.group, version: e.version, plural: e.plural, namespaced: e.namespaced };
}

export function namespaceParam(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const v = checkNamespace(value);
  if (!v.ok) throw new ApiError(badRequest(v.error));
  return value;
}

export function nameParam(value: string): string {
  const v = checkName(value);
  if (!v.ok) throw new ApiError(badRequest(v.error));
  return value;
}

/** The namespace segment of an object URL: a namespace for namespaced kinds, CLUSTER_SCOPE otherwise. */
export function objectNamespaceParam(kind: KindRef, value: string): string | undefined {
  if (!resourceFor(kind).namespaced) {
    if (value !== CLUSTER_SCOPE) throw new ApiError(badRequest(`${resourceFor(kind).plural} are cluster-scoped: use "${CLUSTER_SCOPE}" as the namespace`));
    return undefined;
  }
  return namespaceParam(value) ?? (() => { throw new ApiError(badRequest('namespace is required')); })();
}

export function labelSelectorParam(value: string | null): string | undefined {
  if (!value || !value.trim()) return undefined;
  if (value.length > 1024) throw new ApiError(badRequest('label selector is too long'));
  const parsed = parseLabelSelector(value);
  if (!parsed.ok) throw new ApiError(badRequest(`invalid label selector: ${parsed.error}`));
  return parsed.normalized;
}

const FIELD_REQUIREMENT = /^[A-Za-z][A-Za-z0-9.]*(=|==|!=)[A-Za-z0-9._:-]*$/;

/** Field selectors: plain `field=value` requirements only (e.g. `type=Warning`). */
export function fieldSelectorParam(value: string | null): string | undefined {
  if (!value || !value.trim()) return undefined;
  if (value.length > 512 || !value.split(',').every((r) => FIELD_REQUIREMENT.test(r.trim()))) {
    throw new ApiError(badRequest('invalid field selector: use field=value pairs separated by commas'));
  }
  return value;
}
