'use client';

import { useEffect, useState } from 'react';
import { CLUSTER_STATUS_EVENT, type ClusterStatus } from '@/lib/client/fetch-json';

const CHECK_MS = 5_000;

const WHY: Record<string, string> = {
  ClusterUnreachable: 'The API server cannot be reached or did not answer in time.',
  TLSError: 'The API server’s certificate could not be verified.',
  NoClusterConfigured: 'The console has no cluster configured.',
};

function describe(reason: unknown): string {
  if (typeof reason !== 'string') return 'The API server did not answer.';
  return WHY[reason] ?? (reason.startsWith('APIServerNotReady') ? 'The API server answers but says it is not ready.' : 'The API server did not answer.');
}

// "Cluster unreachable": the console server's own view (/readyz, asked every few seconds while the page is visible)
// and every cluster-backed answer fetchJson sees. It goes away by itself when the API server is back; live lists
// and polled pages reconnect on their own.
export function ClusterBanner() {
  const [status, setStatus] = useState<ClusterStatus>({ reachable: true });

  useEffect(() => {
    const onStatus = (e: Event) => setStatus((e as CustomEvent<ClusterStatus>).detail);
    window.addEventListener(CLUSTER_STATUS_EVENT, onStatus);
    let stopped = false;
    const check = async () => {
      if (document.hidden) return;
      try {
        const res = await fetch('/readyz', { cache: 'no-store' });
        const body = (await res.json().catch(() => ({}))) as { reason?: unknown };
        if (!stopped) setStatus(res.ok ? { reachable: true } : { reachable: false, message: describe(body.reason) });
      } catch {
        // the console server itself is away: that is not the cluster's state
      }
    };
    const t = setInterval(check, CHECK_MS);
    return () => {
      stopped = true;
      clearInterval(t);
      window.removeEventListener(CLUSTER_STATUS_EVENT, onStatus);
    };
  }, []);

  if (status.reachable) return null;
  return (
    <div
      role="alert"
      data-testid="cluster-banner"
      className="border-b border-red-300 bg-red-50 px-4 py-2 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <strong className="font-semibold">Cluster unreachable.</strong> {status.message ?? 'The API server did not answer.'}{' '}
      <span className="text-red-700 dark:text-red-300">Checking again every {CHECK_MS / 1000} s; the console recovers by itself.</span>
    </div>
  );
}
