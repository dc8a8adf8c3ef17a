import 'server-only';
import { kubeRequest } from './client';
import { apiPath, resourceFor, type KindName } from './resources';
import { toRow, type RowByKind } from './rows';

// Lists one kind as lean rows, paging through the API server's `continue` tokens so no single answer is huge.

export interface ListQuery { namespace?: string; labelSelector?: string; fieldSelector?: string }
export interface RowList<K extends KindName> { kind: K; namespace?: string; rows: RowByKind[K][]; resourceVersion?: string }

interface ObjectList { items?: unknown[]; metadata?: { continue?: string; resourceVersion?: string } }

const PAGE = 500;

export async function listRows<K extends KindName>(token: string, kind: K, q: ListQuery = {}): Promise<RowList<K>> {
  const r = resourceFor(kind);
  const path = apiPath(r, { namespace: r.namespaced ? q.namespace : undefined });
  const rows: RowByKind[K][] = [];
  let cont: string | undefined;
  let resourceVersion: string | undefined;
  do {
    const res = await kubeRequest<ObjectList>(token, {
      path,
      query: { limit: PAGE, continue: cont, labelSelector: q.labelSelector, fieldSelector: q.fieldSelector },
    });
    for (const item of res.body.items ?? []) rows.push(toRow(kind, item));
    cont = res.body.metadata?.continue || undefined;
    resourceVersion ??= res.body.metadata?.resourceVersion;
  } while (cont);
  return { kind, namespace: q.namespace, rows, resourceVersion };
}

export async function getObject<T>(token: string, kind: KindName, namespace: string | undefined, name: string): Promise<T> {
  const r = resourceFor(kind);
  const res = await kubeRequest<T>(token, { path: apiPath(r, { namespace, name }) });
  return res.body;
}

/** How many objects of a kind there are, from one `limit=1` page and the API server's remainingItemCount. */
export async function countObjects(token: string, kind: KindName, namespace?: string): Promise<number> {
  const r = resourceFor(kind);
  const res = await kubeRequest<ObjectList & { metadata?: { remainingItemCount?: number } }>(token, {
    path: apiPath(r, { namespace: r.namespaced ? namespace : undefined }),
    query: { limit: 1 },
  });
  return (res.body.items?.length ?? 0) + (res.body.metadata?.remainingItemCount ?? 0);
}
