'use client';

import Link from 'next/link';
import useSWR from 'swr';
import { withNamespace } from '@/components/layout/use-namespace';
import { REFRESH_MS } from '@/components/resources/use-resource-list';
import { fetchJson, type FetchError } from '@/lib/client/fetch-json';
import { RESOURCES, type KindName } from '@/lib/k8s/resources';

// One object count, linking to its list. It fails on its own: "—" with the reason, never a blank overview.

export function countUrl(kind: KindName, namespace: string | undefined): string {
  const q = new URLSearchParams({ count: '1' });
  if (namespace && RESOURCES[kind].namespaced) q.set('namespace', namespace);
  return `/api/k8s/${kind}?${q}`;
}

export function CountCard({ kind, namespace }: { kind: KindName; namespace?: string }) {
  const r = RESOURCES[kind];
  const { data, error } = useSWR<{ count: number }, FetchError>(countUrl(kind, namespace), (url: string) => fetchJson<{ count: number }>(url), {
    refreshInterval: REFRESH_MS, keepPreviousData: true, shouldRetryOnError: false,
  });
  const failure = error?.body;
  const scope = r.namespaced ? (namespace ? `in ${namespace}` : 'all namespaces') : 'cluster-wide';
  const noteId = `count-${kind}-note`;
  const reason = failure ? `${failure.reason === 'Forbidden' ? 'Forbidden' : failure.reason}: ${failure.message}` : undefined;
  return (
    <Link
      href={withNamespace(`/${kind}`, namespace)}
      data-count-kind={kind}
      aria-label={`${r.title}: ${failure ? 'unavailable' : data ? data.count : 'loading'}`}
      aria-describedby={noteId}
      title={reason}
      className="block rounded border border-zinc-200 px-3 py-2 hover:border-sky-400 hover:bg-sky-50/50 dark:border-zinc-800 dark:hover:border-sky-700 dark:hover:bg-sky-950/30"
    >
      <span className="block text-xs font-medium text-zinc-500 dark:text-zinc-400">{r.title}</span>
      <span data-testid="count-value" aria-busy={!data && !failure} className={`block text-2xl font-semibold tabular-nums ${failure ? 'text-zinc-400' : ''}`}>
        {failure ? '—' : data ? data.count : <span className="inline-block h-6 w-8 animate-pulse rounded bg-zinc-200 align-middle dark:bg-zinc-800" />}
      </span>
      <span id={noteId} className={`block truncate text-xs ${failure ? 'text-amber-700 dark:text-amber-300' : 'text-zinc-500'}`}>
        {failure ? `cannot count ${r.title.toLowerCase()}: ${failure.reason === 'Forbidden' ? 'forbidden' : failure.reason}` : scope}
        {failure && <span className="sr-only"> ({failure.message})</span>}
      </span>
    </Link>
  );
}
