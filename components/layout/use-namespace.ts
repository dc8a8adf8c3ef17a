'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

// The selected namespace lives in the URL (`?ns=team-a`, absent = all namespaces) so links can be shared and the
// back button works; the last choice is also remembered in this browser.

export const REMEMBERED_NAMESPACE = 'wheelhouse.namespace';

export function useNamespace(): [string | undefined, (ns: string | undefined) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const namespace = params.get('ns') || undefined;
  const setNamespace = useCallback(
    (ns: string | undefined) => {
      const next = new URLSearchParams(params.toString());
      if (ns) next.set('ns', ns);
      else next.delete('ns');
      try {
        window.localStorage.setItem(REMEMBERED_NAMESPACE, ns ?? '');
      } catch {
        // storage may be unavailable (private mode); the URL still carries the choice
      }
      const qs = next.toString();
      router.push(qs ? `${pathname}?${qs}` : pathname);
    },
    [params, pathname, router],
  );
  return [namespace, setNamespace];
}

/** Keeps `ns` (and only `ns`) when moving between pages. */
export function withNamespace(href: string, namespace: string | undefined): string {
  return namespace ? `${href}?ns=${encodeURIComponent(namespace)}` : href;
}
