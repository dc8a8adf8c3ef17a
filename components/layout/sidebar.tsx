'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { KIND_NAMES, RESOURCES } from '@/lib/k8s/resources';
import { withNamespace } from './use-namespace';

const LINKS = [
  { href: '/', label: 'Overview' },
  ...KIND_NAMES.filter((k) => RESOURCES[k].nav).map((k) => ({ href: `/${k}`, label: RESOURCES[k].title })),
  { href: '/apply', label: 'Apply YAML' },
  { href: '/activity', label: 'Activity' },
];

export function Sidebar() {
  const pathname = usePathname();
  const ns = useSearchParams().get('ns') || undefined;
  return (
    <nav aria-label="Resources" className="w-52 shrink-0 border-r border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <Link href={withNamespace('/', ns)} className="mb-4 block px-2 text-lg font-semibold tracking-tight">
        Wheelhouse
      </Link>
      <ul className="space-y-0.5">
        {LINKS.map((l) => {
          const active = l.href === '/' ? pathname === '/' : pathname === l.href || pathname.startsWith(`${l.href}/`);
          return (
            <li key={l.href}>
              <Link
                href={withNamespace(l.href, ns)}
                aria-current={active ? 'page' : undefined}
                className={`block rounded px-2 py-1.5 ${active ? 'bg-sky-100 font-medium text-sky-900 dark:bg-sky-900/40 dark:text-sky-100' : 'hover:bg-zinc-200/60 dark:hover:bg-zinc-800'}`}
              >
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
