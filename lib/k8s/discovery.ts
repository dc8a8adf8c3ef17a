import 'server-only';
import { kubeRequest } from './client';
import { ApiError } from './errors';
import type { ResourceKind } from './resources';
import { userKey } from './user-key';
import { catalogFrom, findEntry, type CatalogEntry, type GroupDiscoveryList } from './catalog';

// Any kind the API server serves — built-in or a CRD — resolved through its own discovery documents, asked with the
// signed-in user's token. A Discovery lives for one request of one user: nothing is shared across users.

export interface DiscoveredKind extends Pick<ResourceKind, 'kind' | 'group' | 'version' | 'plural' | 'namespaced'> {
  verbs: string[];
}

interface APIResource { name: string; kind: string; namespaced: boolean; verbs?: string[] }
interface APIResourceList { resources?: APIResource[] }
interface APIGroup { versions?: { groupVersion: string }[]; preferredVersion?: { groupVersion: string } }

export interface Discovery {
  /** apiVersion + kind → where the kind lives; throws ApiError (404 NotFound) for what the server does not serve. */
  resolve(apiVersion: string, kind: string): Promise<DiscoveredKind>;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

function notFound(message: string): ApiError {
  return new ApiError({ status: 404, reason: 'NotFound', message });
}

function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && e.body.status === 404;
}

async function servedVersions(token: string, group: string): Promise<string[]> {
  if (!group) return [];
  try {
    const res = await kubeRequest<APIGroup>(token, { path: `/apis/${encodeURIComponent(group)}` });
    return (res.body.versions ?? []).map((v) => v.groupVersion);
  } catch {
    return [];
  }
}

async function fetchResources(token: string, group: string, version: string): Promise<APIResource[]> {
  const gv = group ? `${group}/${version}` : version;
  const path = group ? `/apis/${encodeURIComponent(group)}/${encodeURIComponent(version)}` : `/api/${encodeURIComponent(version)}`;
  try {
    const res = await kubeRequest<APIResourceList>(token, { path });
    return res.body.resources ?? [];
  } catch (e) {
    if (!isNotFound(e)) throw e;
    const others = await servedVersions(token, group);
    const hint = others.length ? `; it serves ${others.join(', ')}` : '';
    throw notFound(`the server does not serve ${gv} (it may have been removed${hint})`);
  }
}

export function createDiscovery(token: string): Discovery {
  const lists = new Map<string, Promise<APIResource[]>>();
  return {
    async resolve(apiVersion, kind) {
      const { group, version } = splitApiVersion(apiVersion);
      let list = lists.get(apiVersion);
      if (!list) {
        list = fetchResources(token, group, version);
        lists.set(apiVersion, list);
      }
      const resources = await list;
      // Subresources ("deployments/scale") share kinds with their parents: only top-level resources count.
      const found = resources.find((r) => r.kind === kind && !r.name.includes('/'));
      if (!found) {
        const near = resources.find((r) => r.kind.toLowerCase() === kind.toLowerCase() && !r.name.includes('/'));
        const hint = near ? ` (did you mean "${near.kind}"?)` : '';
        throw notFound(`the server does not know kind "${kind}" in ${apiVersion}${hint}`);
      }
      return { kind: found.kind, group, version, plural: found.name, namespaced: found.namespaced, verbs: found.verbs ?? [] };
    },
  };
}

// Aggregated discovery: every group, version and resource in two requests. v2 since Kubernetes 1.30; v2beta1 before.
const AGGREGATED = [
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
  'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList',
].join(',') + ',application/json;q=0.9';

interface Document { etag?: string; body: GroupDiscoveryList }
// The last documents each user read (by a hash of the token), so the next read is a conditional GET: the API server
// answers 304 in ~2 ms while nothing changed, instead of ~25 KB to decode and a catalog to build on every request
// for a discovered kind (a list page, each detail refresh). Never stale: every read still asks the API server.
// On globalThis: Next.js bundles each route separately, and a module-level Map would be one per route.
const KNOWN_USERS = 64;
type Known = Map<string, { core: Document; groups: Document; catalog: CatalogEntry[] }>;
const KNOWN = Symbol.for('wheelhouse.discovery');
const store = globalThis as unknown as Record<symbol, Known | undefined>;
const known: Known = (store[KNOWN] ??= new Map());

async function aggregated(token: string, path: '/api' | '/apis', last?: Document): Promise<Document> {
  const res = await kubeRequest<GroupDiscoveryList>(token, { path, accept: AGGREGATED, ifNoneMatch: last?.etag });
  if (res.status === 304 && last) return last;
  if (res.body?.kind !== 'APIGroupDiscoveryList') {
    throw new ApiError({ status: 502, reason: 'BadGateway', message: 'The API server does not serve aggregated discovery (Kubernetes 1.27 or later is required)' });
  }
  const etag = res.headers.etag;
  return { etag: typeof etag === 'string' ? etag : undefined, body: res.body };
}

/** Every resource the API server serves, with the user's token (discovery is readable by every authenticated user). */
export async function discoverCatalog(token: string): Promise<CatalogEntry[]> {
  const user = userKey(token);
  const last = known.get(user);
  const [core, groups] = await Promise.all([aggregated(token, '/api', last?.core), aggregated(token, '/apis', last?.groups)]);
  if (last && core === last.core && groups === last.groups) return last.catalog;
  const catalog = catalogFrom([core.body, groups.body]);
  known.delete(user);
  if (known.size >= KNOWN_USERS) known.delete(known.keys().next().value!);
  known.set(user, { core, groups, catalog });
  return catalog;
}

/** The resource a URL name names, validated against this user's discovery; 404 when the server serves no such thing. */
export async function resolveKind(token: string, name: string): Promise<CatalogEntry> {
  const found = findEntry(await discoverCatalog(token), name);
  if (!found) throw notFound(`the server does not serve a resource named "${name.slice(0, 80)}"`);
  return found;
}
