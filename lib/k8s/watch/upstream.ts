import 'server-only';
import { StringDecoder } from 'node:string_decoder';
import { kubeRequest, kubeRequestBytes, kubeStream, type KubeRequest } from '@/lib/k8s/client';
import { ApiError, fromStatus, fromTransport } from '@/lib/k8s/errors';
import { apiPath, resourceFor, type KindRef } from '@/lib/k8s/resources';
import { userKey } from '@/lib/k8s/user-key';
import { METADATA_LIST_PROTOBUF_ACCEPT, metadataListOf } from '@/lib/k8s/metadata-list';
import { joinTableMetadata, TABLE_ACCEPT, tableEventItem, tableItems, type Table } from '@/lib/k8s/table';
import type { KubeObject, Page, Scope, WatchEvent } from './events';
import { uidOf } from './list-watch-state';
import type { Upstream } from './list-watch';
import { pageGate } from './page-gate';

// The API server side of a live list, always with the user's own token: paged LISTs and one WATCH. A discovered
// kind (not in the registry) is asked for in the Table format; its items become lib/k8s/table TableItems.

const asTable = (kind: KindRef) => typeof kind !== 'string';
const tableQuery = (kind: KindRef) => (asTable(kind) ? { includeObject: 'Metadata' } : {});

function collection(kind: KindRef, scope: Scope): string {
  const r = resourceFor(kind);
  return apiPath(r, { namespace: r.namespaced ? scope.namespace : undefined });
}

/** The request for one LIST page; `continue` from the previous page, or none for the first. */
export function listRequest(kind: KindRef, scope: Scope, limit: number, cont?: string, signal?: AbortSignal, timeoutMs?: number): KubeRequest {
  return {
    path: collection(kind, scope), accept: asTable(kind) ? TABLE_ACCEPT : undefined, signal, timeoutMs,
    query: { limit, continue: cont, labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector, ...tableQuery(kind) },
  };
}

export type ListBody = { items?: KubeObject[]; metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number } } & Table;

/** A decoded LIST answer as a page (a discovered kind's Table rows as TableItems). */
export function pageOf(kind: KindRef, body: ListBody): Page {
  const meta = body.metadata ?? {};
  const items = asTable(kind) ? tableItems(body) : body.items ?? [];
  return {
    items, resourceVersion: meta.resourceVersion ?? '', continue: meta.continue || undefined, remaining: meta.remainingItemCount,
    ...(asTable(kind) ? { columns: body.columnDefinitions } : {}),
  };
}

/** One LIST page; `continue` from the previous page, or none for the first. */
export async function listPage(
  token: string, kind: KindRef, scope: Scope, limit: number, cont?: string, signal?: AbortSignal, timeoutMs?: number,
): Promise<Page> {
  const res = await kubeRequest<ListBody>(token, listRequest(kind, scope, limit, cont, signal, timeoutMs));
  return pageOf(kind, res.body);
}

// One read of up to BULK_ROWS rows of a Table-backed kind, as fast as the API server gives it. A Table whose rows carry
// their metadata (includeObject=Metadata) is built whole before its first byte is sent, and the metadata is most of
// the work: for 10,000 custom resources ~0.5 s, against ~0.15 s without it. So the rows without metadata and the
// kind's metadata list (PartialObjectMetadataList, in protobuf: lib/k8s/metadata-list.ts) are asked for side by side,
// and the API server builds them in parallel (~0.2 s). They are joined only when they are provably one snapshot
// (lib/k8s/table.ts); otherwise the Table with metadata is asked for after all. Both answers come from the API
// server's watch cache, where a continue page of a kind that has not changed for a minute would come from etcd
// (bench/README.md).
/** Table rows one bulk read asks for: ~1 KB each. */
const BULK_ROWS = 20_000;

export async function bulkTableRead(token: string, kind: KindRef, scope: Scope, signal?: AbortSignal): Promise<Page> {
  const whole = listRequest(kind, scope, BULK_ROWS, undefined, signal);
  const [table, meta] = await Promise.all([
    kubeRequest<Table>(token, { ...whole, query: { ...whole.query, includeObject: 'None' } }),
    kubeRequestBytes(token, { ...whole, accept: METADATA_LIST_PROTOBUF_ACCEPT, query: { ...whole.query, includeObject: undefined } }),
  ]);
  const list = metadataListOf(meta.headers['content-type'], meta.body);
  const joined = list && joinTableMetadata(table.body, list);
  return pageOf(kind, joined ?? (await kubeRequest<ListBody>(token, whole)).body);
}

/**
 * The events of one WATCH from `resourceVersion`, with bookmarks. An ERROR event (e.g. 410 "too old resource
 * version") throws ApiError. Ends when the API server closes the watch (after `timeoutSeconds`).
 */
export async function* watchEvents(
  token: string, kind: KindRef, scope: Scope, resourceVersion: string, timeoutSeconds: number, signal: AbortSignal,
): AsyncGenerator<WatchEvent> {
  const res = await kubeStream(token, {
    path: collection(kind, scope),
    accept: asTable(kind) ? TABLE_ACCEPT : undefined,
    query: {
      watch: 1, resourceVersion, allowWatchBookmarks: true, timeoutSeconds,
      labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector, ...tableQuery(kind),
    },
    signal,
  });
  const close = () => res.destroy();
  signal.addEventListener('abort', close, { once: true });
  const utf8 = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of res) {
      const lines = (rest + utf8.write(chunk as Buffer)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        const ev = JSON.parse(line) as WatchEvent;
        if (ev.type === 'ERROR') throw new ApiError(fromStatus(500, ev.object));
        yield asTable(kind) ? { type: ev.type, object: tableEventItem(ev.object as Table) as unknown as WatchEvent['object'] } : ev;
      }
    }
  } catch (e) {
    if (signal.aborted) return;
    throw e instanceof ApiError ? e : new ApiError(fromTransport(e));
  } finally {
    signal.removeEventListener('abort', close);
    res.destroy();
  }
}

/** The user's own view of one collection; watches end after 4–5 min so the token is checked again. */
export function userUpstream(token: string, kind: KindRef, scope: Scope): Upstream {
  // The page gate's fair queue is per user.
  const user = userKey(token);
  return {
    list: (limit, cont, signal) => {
      const fetchPage = () => {
        if (signal.aborted) throw new ApiError({ status: 499, reason: 'ClientClosed', message: 'The browser went away.' });
        return listPage(token, kind, scope, limit, cont, signal);
      };
      return cont ? pageGate.run(user, fetchPage) : fetchPage();
    },
    // A Table-backed kind's listing goes on after its first page with one read of the rest from the watch cache,
    // at a newer snapshot: the rows of the first page are left out, and what changed in between the watch reports.
    ...(asTable(kind) ? {
      rest: (first: Page, signal: AbortSignal) => pageGate.run(user, async () => {
        const shown = new Set(first.items.map(uidOf));
        const all = await bulkTableRead(token, kind, scope, signal);
        return { ...all, items: all.items.filter((it) => !shown.has(uidOf(it))) };
      }),
    } : {}),
    watch: (rv, signal) => watchEvents(token, kind, scope, rv, 240 + Math.floor(Math.random() * 60), signal),
  };
}
