'use client';

import useSWR from 'swr';
import { fetchJson, type FetchError } from '@/lib/client/fetch-json';
import type { KindName } from '@/lib/k8s/resources';
import type { RowByKind } from '@/lib/k8s/rows/types';

// The one list hook: every table reads its rows through here. Lists refresh every 2 s without a reload.

export interface ListScope { namespace?: string; labelSelector?: string; fieldSelector?: string }
interface RowList<K extends KindName> { rows: RowByKind[K][]; resourceVersion?: string }

export const REFRESH_MS = 2_000;

export function listUrl(kind: KindName, scope: ListScope = {}): string {
  const q = new URLSearchParams();
  if (scope.namespace) q.set('namespace', scope.namespace);
  if (scope.labelSelector) q.set('labelSelector', scope.labelSelector);
  if (scope.fieldSelector) q.set('fieldSelector', scope.fieldSelector);
  const qs = q.toString();
  return `/api/k8s/${kind}${qs ? `?${qs}` : ''}`;
}

export function useResourceList<K extends KindName>(kind: K, scope: ListScope = {}, enabled = true) {
  const { data, error, isLoading, mutate } = useSWR<RowList<K>, FetchError>(
    enabled ? listUrl(kind, scope) : null,
    (url: string) => fetchJson<RowList<K>>(url),
    { refreshInterval: REFRESH_MS, keepPreviousData: true, shouldRetryOnError: false },
  );
  return { rows: data?.rows, error: error?.body, isLoading, mutate };
}
