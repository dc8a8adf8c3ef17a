import 'server-only';
import { readSession } from '@/lib/auth/session';
import { titleOf } from './catalog';
import { resolveKind } from './discovery';
import { isKindName, isListedAsTable, RESOURCES, type KindName, type KindRef } from './resources';

// What a page URL's first segment names, for server-rendered pages: a registry kind at once, any other name only
// once the signed-in user's discovery says the server serves it (undefined → the page answers 404).

export interface PageKind {
  ref: KindRef;
  /** What its list streams: `ref`, or for LISTED_AS_TABLE kinds the same resource under its `plural.group` name. */
  listRef: KindRef;
  title: string;
  namespaced: boolean;
  verbs?: string[];
  subresources?: string[];
}

// A LISTED_AS_TABLE kind's list subscribes under its qualified name, which resolves through discovery to a Table kind.

function listRefOf(k: KindName): KindRef {
  const r = RESOURCES[k];
  if (!isListedAsTable(k) || !r.group) return k;
  return { name: `${r.plural}.${r.group}`, kind: r.kind, group: r.group, version: r.version, plural: r.plural, namespaced: r.namespaced };
}

const URL_NAME = /^[a-z0-9]([-a-z0-9.]{0,250}[a-z0-9])?$/;

export async function pageKind(name: string): Promise<PageKind | undefined> {
  if (isKindName(name)) return { ref: name, listRef: listRefOf(name), title: RESOURCES[name].title, namespaced: RESOURCES[name].namespaced };
  if (!URL_NAME.test(name)) return undefined;
  const s = await readSession();
  if (s.state !== 'active') return undefined;
  try {
    const e = await resolveKind(s.session.bearer, name);
    const ref = { name: e.name, kind: e.kind, group: e.group, version: e.version, plural: e.plural, namespaced: e.namespaced };
    return { ref, listRef: ref, title: titleOf(e), namespaced: e.namespaced, verbs: e.verbs, subresources: e.subresources };
  } catch {
    return undefined;
  }
}
