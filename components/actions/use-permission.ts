'use client';

import useSWR from 'swr';
import { fetchJson, type FetchError } from '@/lib/client/fetch-json';
import type { AccessCheck, AccessResult } from '@/lib/k8s/actions/permissions';

// What the signed-in user may do, from SelfSubjectAccessReviews (POST /api/access). Controls stay disabled until the
// answer is in; if the check itself fails the control is enabled and the cluster decides when it is used.

export interface Permission { allowed: boolean; loading: boolean; reason?: string }

interface AccessAnswer { user: string; results: AccessResult[] }

const CHECKING: Permission = { allowed: false, loading: true, reason: 'Checking permission…' };

async function askAccess([url, checks]: [string, string]): Promise<AccessAnswer> {
  return fetchJson<AccessAnswer>(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"checks":${checks}}` });
}

export function usePermissions(checks: AccessCheck[]): Permission[] {
  const key: [string, string] | null = checks.length ? ['/api/access', JSON.stringify(checks)] : null;
  const { data, error } = useSWR<AccessAnswer, FetchError, [string, string] | null>(key, askAccess, {
    revalidateOnFocus: false,
    dedupingInterval: 30_000,
    refreshInterval: 60_000,
    shouldRetryOnError: false,
  });
  return checks.map((_, i) => {
    const r = data?.results[i];
    if (r) return { allowed: r.allowed, loading: false, reason: r.reason };
    if (error) return { allowed: true, loading: false, reason: `The permission could not be checked: ${error.body.message}` };
    return CHECKING;
  });
}

export function usePermission(check: AccessCheck): Permission {
  return usePermissions([check])[0];
}
