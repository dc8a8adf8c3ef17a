'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

// The list filters live in the URL (`q` = name filter, `l` = label selector, `o=wide` = kubectl's -o wide columns) so
// a filtered view can be shared.

export function useListFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = useCallback(
    (key: 'q' | 'l' | 'o', value: string) => {
      const next = new URLSearchParams(params.toString());
      if (value) next.set(key, value);
      else next.delete(key);
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  return {
    name: params.get('q') ?? '', labelSelector: params.get('l') ?? '', wide: params.get('o') === 'wide',
    setName: (v: string) => set('q', v), setLabelSelector: (v: string) => set('l', v), setWide: (on: boolean) => set('o', on ? 'wide' : ''),
  };
}
