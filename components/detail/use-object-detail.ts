'use client';

import useSWR from 'swr';
import { REFRESH_MS } from '@/components/resources/use-resource-list';
import { fetchJson, type FetchError } from '@/lib/client/fetch-json';
import type { ObjectDetail } from '@/lib/k8s/detail-types';

// One object's `describe` data, refreshed like the lists (every 2 s).

export function detailUrl(kind: string, namespace: string | undefined, name: string): string {
  return `/api/k8s/${kind}/${namespace ? encodeURIComponent(namespace) : '-'}/${encodeURIComponent(name)}`;
}

export function useObjectDetail(kind: string, namespace: string | undefined, name: string) {
  const { data, error, isLoading } = useSWR<ObjectDetail, FetchError>(
    detailUrl(kind, namespace, name),
    (url: string) => fetchJson<ObjectDetail>(url),
    { refreshInterval: REFRESH_MS, keepPreviousData: true, shouldRetryOnError: false },
  );
  return { detail: data, error: error?.body, isLoading };
}
