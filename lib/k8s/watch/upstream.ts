import 'server-only';
import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { kubeRequest, kubeStream } from '@/lib/k8s/client';
import { ApiError, fromStatus, fromTransport } from '@/lib/k8s/errors';
import { apiPath, resourceFor, type KindName } from '@/lib/k8s/resources';
import type { KubeObject, Page, Scope, WatchEvent } from './events';
import type { Upstream } from './list-watch';
import { pageGate } from './page-gate';

// The API server side of a live list, always with the user's own token: paged LISTs and one WATCH.

function collection(kind: KindName, scope: Scope): string {
  const r = resourceFor(kind);
  return apiPath(r, { namespace: r.namespaced ? scope.namespace : undefined });
}

/** One LIST page; `continue` from the previous page, or none for the first. */
export async function listPage(
  token: string, kind: KindName, scope: Scope, limit: number, cont?: string, signal?: AbortSignal, timeoutMs?: number,
): Promise<Page> {
  const res = await kubeRequest<{ items?: KubeObject[]; metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number } }>(
    token,
    { path: collection(kind, scope), query: { limit, continue: cont, labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector }, signal, timeoutMs },
  );
  const meta = res.body.metadata ?? {};
  return { items: res.body.items ?? [], resourceVersion: meta.resourceVersion ?? '', continue: meta.continue || undefined, remaining: meta.remainingItemCount };
}

/**
 * The events of one WATCH from `resourceVersion`, with bookmarks. An ERROR event (e.g. 410 "too old resource
 * version") throws ApiError. Ends when the API server closes the watch (after `timeoutSeconds`).
 */
export async function* watchEvents(
  token: string, kind: KindName, scope: Scope, resourceVersion: string, timeoutSeconds: number, signal: AbortSignal,
): AsyncGenerator<WatchEvent> {
  const res = await kubeStream(token, {
    path: collection(kind, scope),
    query: {
      watch: 1, resourceVersion, allowWatchBookmarks: true, timeoutSeconds,
      labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector,
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
        yield ev;
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
export function userUpstream(token: string, kind: KindName, scope: Scope): Upstream {
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
