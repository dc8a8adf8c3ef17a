'use client';

import useSWR from 'swr';
import { fetchJson, type FetchError } from '@/lib/client/fetch-json';
import type { ApiErrorBody } from '@/lib/k8s/errors';

// Usage polls once per sampling window (what the answer says, 15 s on the local cluster): metrics-server has no newer
// numbers between two samples, so a faster refresh would only cost requests. The window is a sample's measuring span,
// which only usually equals the sampling interval (a missed scrape widens it), so the pace is capped; and a request
// that hangs is cut off, because SWR schedules the next poll only when the last one has ended. While metrics are
// unavailable it keeps asking at the same pace, so the columns come back when metrics-server does.

const DEFAULT_WINDOW_S = 15;
const MIN_WINDOW_S = 10;
const MAX_WINDOW_S = 30;
const REQUEST_TIMEOUT_MS = 20_000;

export function metricsUrl(resource: 'pods' | 'nodes', params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const qs = q.toString();
  return `/api/metrics/${resource}${qs ? `?${qs}` : ''}`;
}

export function useUsage<T extends { window: number }>(url: string | null): { data?: T; error?: ApiErrorBody } {
  const { data, error } = useSWR<T, FetchError>(url, (u: string) => fetchJson<T>(u, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }), {
    refreshInterval: (latest?: T) => Math.min(MAX_WINDOW_S, Math.max(MIN_WINDOW_S, latest?.window ?? DEFAULT_WINDOW_S)) * 1000,
    keepPreviousData: true,
    revalidateOnFocus: false,
    // SWR stops its refresh interval while the last answer is an error: retry at the window's pace instead (no
    // backoff), so usage comes back by itself when metrics-server does. Bad requests are not retried.
    shouldRetryOnError: (e: FetchError) => e.body.status !== 400 && e.body.status !== 401,
    onErrorRetry: (_e, _key, _config, revalidate, opts) => {
      setTimeout(() => void revalidate(opts), DEFAULT_WINDOW_S * 1000);
    },
  });
  return { data: error ? undefined : data, error: error?.body };
}

/** The one line that says why usage is missing. */
export function unavailableText(e: ApiErrorBody): string {
  if (e.status === 403) return `Usage is hidden: you may not read metrics.k8s.io here (${e.message})`;
  return `Usage is unavailable: ${e.message}`;
}
