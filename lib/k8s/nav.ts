import 'server-only';
import { canI } from './access';
import { listable, sectionOf, titleOf, type CatalogEntry, type NavSection } from './catalog';
import { kubeRequest } from './client';
import { discoverCatalog } from './discovery';

// The sidebar's data: every kind the API server serves that this user may list in the selected scope, asked with
// the user's own token. One SelfSubjectAccessReview for "list everything here" settles an admin in one request;
// otherwise a SelfSubjectRulesReview of the namespace decides the namespaced kinds and an access review each
// cluster-scoped (or all-namespaces) kind the rules do not already exclude.

export interface NavEntry {
  name: string; kind: string; group: string; version: string; plural: string; namespaced: boolean;
  title: string; section: NavSection; shortNames: string[]; singular: string;
}
export interface NavData { namespace?: string; entries: NavEntry[]; home?: string }

interface Rule { verbs?: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }
interface RulesReview { status?: { resourceRules?: Rule[]; incomplete?: boolean } }

const has = (list: string[] | undefined, v: string) => !!list && (list.includes('*') || list.includes(v));

/** Pure: do these RBAC rules let the user list this resource? (Rules naming objects cannot list a collection.) */
export function rulesAllowList(rules: Rule[], e: Pick<CatalogEntry, 'group' | 'plural'>): boolean {
  return rules.some((r) => !r.resourceNames?.length && has(r.verbs, 'list') && has(r.apiGroups, e.group) && has(r.resources, e.plural));
}

async function rulesIn(token: string, namespace: string): Promise<RulesReview['status']> {
  const res = await kubeRequest<RulesReview>(token, {
    method: 'POST', path: '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } },
  });
  return res.body.status;
}

const canList = async (token: string, e: Pick<CatalogEntry, 'group' | 'plural'>, namespace = '') =>
  (await canI(token, { verb: 'list', group: e.group, resource: e.plural, namespace })).allowed;

async function allowed(token: string, entries: CatalogEntry[], namespace?: string): Promise<CatalogEntry[]> {
  const everything = { group: '*', plural: '*' };
  if (await canList(token, everything, namespace ?? '')) {
    // May list everything in this scope: only cluster-scoped kinds still need a look when a namespace is chosen.
    if (!namespace || (await canList(token, everything))) return entries;
  }
  const status = await rulesIn(token, namespace ?? 'default');
  const rules = status?.resourceRules ?? [];
  const checks = await Promise.all(entries.map(async (e) => {
    if (namespace && e.namespaced) return status?.incomplete ? canList(token, e, namespace) : rulesAllowList(rules, e);
    // Rules of a namespace include the cluster-wide ones: what they exclude needs no review.
    if (!status?.incomplete && !rulesAllowList(rules, e)) return false;
    return canList(token, e);
  }));
  return entries.filter((_, i) => checks[i]);
}

/** A ServiceAccount's own namespace, for users who may not list namespaces: `system:serviceaccount:team-a:editor`. */
export function serviceAccountNamespace(username: string): string | undefined {
  const m = /^system:serviceaccount:([a-z0-9-]{1,63}):[^:]+$/.exec(username);
  return m?.[1];
}

export async function navFor(token: string, username: string, namespace?: string): Promise<NavData> {
  const catalog = (await discoverCatalog(token)).filter(listable);
  const [entries, home] = await Promise.all([
    allowed(token, catalog, namespace),
    namespace ? undefined : canList(token, { group: '', plural: 'namespaces' }).then((ok) => (ok ? undefined : serviceAccountNamespace(username))),
  ]);
  return {
    namespace, home,
    entries: entries.map((e) => ({
      name: e.name, kind: e.kind, group: e.group, version: e.version, plural: e.plural, namespaced: e.namespaced,
      title: titleOf(e), section: sectionOf(e), shortNames: e.shortNames, singular: e.singular,
    })),
  };
}
