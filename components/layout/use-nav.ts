'use client';

import useSWR from 'swr';
import { fetchJson, type FetchError } from '@/lib/client/fetch-json';
import type { NavData } from '@/lib/k8s/nav';

// The kinds this user may list in the selected scope (GET /api/discovery). Asked again every 30 s and when the
// window regains focus, so a CRD applied meanwhile shows up without a reload; all users of the hook share one request.

export const NAV_REFRESH_MS = 30_000;

export function navUrl(namespace: string | undefined): string {
  return namespace ? `/api/discovery?namespace=${encodeURIComponent(namespace)}` : '/api/discovery';
}

export function useNav(namespace: string | undefined) {
  const { data, error, mutate } = useSWR<NavData, FetchError>(navUrl(namespace), (u: string) => fetchJson<NavData>(u), {
    refreshInterval: NAV_REFRESH_MS, revalidateOnFocus: true, keepPreviousData: true,
  });
  return { nav: data, error: error?.body, refresh: mutate };
}
