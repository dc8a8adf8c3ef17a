'use client';

import { isApiErrorBody, type ApiErrorBody } from '@/lib/k8s/errors';

// The browser side of the one error type: every console API answer that is not 2xx becomes a FetchError carrying
// { status, reason, message, causes }. A lost session sends the user to sign in again.

export class FetchError extends Error {
  readonly body: ApiErrorBody;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.body = body;
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-store', ...init });
  } catch {
    throw new FetchError({ status: 0, reason: 'ConsoleUnreachable', message: 'The console server cannot be reached.' });
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const inner = (data as { error?: unknown } | undefined)?.error;
    const body: ApiErrorBody = isApiErrorBody(inner) ? inner : { status: res.status, reason: 'Unknown', message: `The console answered ${res.status}.` };
    if (res.status === 401 && typeof window !== 'undefined') {
      const next = encodeURIComponent(window.location.pathname + window.location.search);
      window.location.assign(body.reason === 'SessionExpired' ? `/login?reason=expired&next=${next}` : `/login?next=${next}`);
    }
    throw new FetchError(body);
  }
  return data as T;
}
