import 'server-only';
import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { kubeRequest, kubeStream, type KubeRequest } from '@/lib/k8s/client';
import { ApiError, fromStatus, fromTransport } from '@/lib/k8s/errors';
import { apiPath, resourceFor, type KindRef } from '@/lib/k8s/resources';
import { TABLE_ACCEPT, tableEventItem, tableItems, type Table } from '@/lib/k8s/table';
import type { KubeObject, Page, Scope, WatchEvent } from './events';
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
  // The page gate's fair queue is per user; keyed by a hash, never the token itself.
  const userKey = createHash('sha256').update(token).digest('base64url').slice(0, 16);
  return {
    list: (limit, cont, signal) => {
      const fetchPage = () => {
        if (signal.aborted) throw new ApiError({ status: 499, reason: 'ClientClosed', message: 'The browser went away.' });
        return listPage(token, kind, scope, limit, cont, signal);
      };
      return cont ? pageGate.run(userKey, fetchPage) : fetchPage();
    },
    watch: (rv, signal) => watchEvents(token, kind, scope, rv, 240 + Math.floor(Math.random() * 60), signal),
  };
}
