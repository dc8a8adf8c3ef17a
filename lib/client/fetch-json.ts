'use client';

import { isApiErrorBody, type ApiErrorBody } from '@/lib/k8s/errors';

// The browser side of the one error type: every console API answer that is not 2xx becomes a FetchError carrying
// { status, reason, message, causes }. A lost session sends the user to sign in again. State-changing requests
// carry the session's CSRF token (from the console layout's <meta name="csrf-token">, else GET /api/csrf), and
// every answer from a cluster-backed route tells the console shell whether the cluster is reachable.

export class FetchError extends Error {
  readonly body: ApiErrorBody;
  /** The whole answer, for routes that explain a refusal further (an edit's conflict carries what changed). */
  readonly data?: unknown;
  constructor(body: ApiErrorBody, data?: unknown) {
    super(body.message);
    this.body = body;
    this.data = data;
  }
}

/** window event: detail = ClusterStatus; the console shell's banner listens (components/layout/cluster-banner). */
export const CLUSTER_STATUS_EVENT = 'wheelhouse:cluster-status';
export interface ClusterStatus { reachable: boolean; message?: string }

const CSRF_HEADER = 'X-CSRF-Token';
const UNREACHABLE = new Set(['ClusterUnreachable', 'TLSError']);
const CLUSTER_ROUTES = /^\/api\/(k8s|apply|access)(\/|\?|$)/;
let csrf: Promise<string | undefined> | undefined;

function csrfFromPage(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content || undefined;
}

function csrfToken(fresh: boolean): Promise<string | undefined> {
  const onPage = fresh ? undefined : csrfFromPage();
  if (!fresh && !csrf && onPage) csrf = Promise.resolve(onPage);
  if (fresh || !csrf) {
    csrf = fetch('/api/csrf', { cache: 'no-store' })
      .then((r): Promise<{ token?: string }> => (r.ok ? r.json() : Promise.resolve({})))
      .then((d) => d.token)
      .catch(() => undefined);
  }
  return csrf;
}

function reportCluster(url: string, body: ApiErrorBody | undefined) {
  if (typeof window === 'undefined') return;
  const path = url.startsWith('/') ? url : new URL(url, window.location.href).pathname;
  if (!CLUSTER_ROUTES.test(path)) return;
  const status: ClusterStatus = body && UNREACHABLE.has(body.reason) ? { reachable: false, message: body.message } : { reachable: true };
  window.dispatchEvent(new CustomEvent<ClusterStatus>(CLUSTER_STATUS_EVENT, { detail: status }));
}

async function send(url: string, init: RequestInit | undefined, freshToken: boolean): Promise<Response> {
  const method = (init?.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return fetch(url, { cache: 'no-store', ...init });
  const headers = new Headers(init?.headers);
  const token = await csrfToken(freshToken);
  if (token) headers.set(CSRF_HEADER, token);
  return fetch(url, { cache: 'no-store', ...init, headers });
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await send(url, init, false);
    // A token from before a new sign-in in another tab: fetch the current one and try once more.
    if (res.status === 403 && res.headers.get('content-type')?.includes('json')) {
      const retry = ((await res.clone().json().catch(() => undefined)) as { error?: ApiErrorBody } | undefined)?.error?.reason === 'InvalidCSRFToken';
      if (retry) res = await send(url, init, true);
    }
  } catch {
    throw new FetchError({ status: 0, reason: 'ConsoleUnreachable', message: 'The console server cannot be reached.' });
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const inner = (data as { error?: unknown } | undefined)?.error;
    const body: ApiErrorBody = isApiErrorBody(inner) ? inner : { status: res.status, reason: 'Unknown', message: `The console answered ${res.status}.` };
    reportCluster(url, body);
    if (res.status === 401 && typeof window !== 'undefined') {
      const next = encodeURIComponent(window.location.pathname + window.location.search);
      window.location.assign(body.reason === 'SessionExpired' ? `/login?reason=expired&next=${next}` : `/login?next=${next}`);
    }
    throw new FetchError(body, data);
  }
  reportCluster(url, undefined);
  return data as T;
}
