'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import type { NavSection } from '@/lib/k8s/catalog';
import type { NavEntry } from '@/lib/k8s/nav';
import { KIND_NAMES, RESOURCES } from '@/lib/k8s/resources';
import { GoTo } from './go-to';
import { useNav } from './use-nav';
import { withNamespace } from './use-namespace';

// The sidebar, built from the API server's discovery: the kinds this user may list in the selected scope, grouped
// like the Kubernetes Dashboard, custom resources by API group. Until discovery answers, the registry's kinds.

const ORDER: NavSection[] = ['Workloads', 'Service', 'Config & Storage', 'Cluster', 'Custom Resources'];
const FALLBACK = KIND_NAMES.filter((k) => RESOURCES[k].nav).map((k) => ({ href: `/${k}`, label: RESOURCES[k].title }));

interface Group { title: string; links: { href: string; label: string }[] }

/** Two kinds with one title (core and events.k8s.io "Events") are told apart by their group. */
function label(e: NavEntry, all: NavEntry[]): string {
  return e.group && all.some((o) => o !== e && o.title === e.title) ? `${e.title} (${e.group})` : e.title;
}

function groups(entries: NavEntry[]): Group[] {
  const out: Group[] = [];
  for (const section of ORDER) {
    const inSection = entries.filter((e) => e.section === section).sort((a, b) => a.title.localeCompare(b.title));
    if (section !== 'Custom Resources') {
      if (inSection.length) out.push({ title: section, links: inSection.map((e) => ({ href: `/${e.name}`, label: label(e, entries) })) });
      continue;
    }
    for (const group of [...new Set(inSection.map((e) => e.group))].sort()) {
      const links = inSection.filter((e) => e.group === group).map((e) => ({ href: `/${e.name}`, label: label(e, entries) }));
      out.push({ title: group, links });
    }
  }
  return out;
}

function NavLink({ href, label, ns, active }: { href: string; label: string; ns?: string; active: boolean }) {
  return (
    <li>
      <Link
        href={withNamespace(href, ns)}
        aria-current={active ? 'page' : undefined}
        className={`block truncate rounded px-2 py-1 ${active ? 'bg-sky-100 font-medium text-sky-900 dark:bg-sky-900/40 dark:text-sky-100' : 'hover:bg-zinc-200/60 dark:hover:bg-zinc-800'}`}
      >
        {label}
      </Link>
    </li>
  );
}

export function Sidebar() {
  const pathname = usePathname();
  const router = useRouter();
  const params = useSearchParams();
  const ns = params.get('ns') || undefined;
  const { nav } = useNav(ns);
  const isActive = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  // A user who may not list namespaces starts in their own ServiceAccount's namespace.
  useEffect(() => {
    if (!ns && nav?.home && !nav.namespace) {
      const next = new URLSearchParams(params.toString());
      next.set('ns', nav.home);
      router.replace(`${pathname}?${next.toString()}`);
    }
  }, [ns, nav, params, pathname, router]);
  const sections: Group[] = nav ? groups(nav.entries) : [{ title: 'Resources', links: FALLBACK }];
  return (
    <nav aria-label="Resources" className="max-h-screen w-56 shrink-0 overflow-y-auto border-r border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <Link href={withNamespace('/', ns)} className="mb-3 block px-2 text-lg font-semibold tracking-tight">
        Wheelhouse
      </Link>
      <GoTo entries={nav?.entries ?? []} namespace={ns} />
      <ul className="space-y-0.5">
        <NavLink href="/" label="Overview" ns={ns} active={isActive('/')} />
      </ul>
      {sections.map((g) => (
        <div key={g.title} className="mt-3" role="group" aria-label={g.title}>
          <h2 className="px-2 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{g.title}</h2>
          <ul className="space-y-0.5">
            {g.links.map((l) => <NavLink key={l.href} {...l} ns={ns} active={isActive(l.href)} />)}
          </ul>
        </div>
      ))}
      <ul className="mt-3 space-y-0.5 border-t border-zinc-200 pt-3 dark:border-zinc-800">
        <NavLink href="/apply" label="Apply YAML" ns={ns} active={isActive('/apply')} />
        <NavLink href="/activity" label="Activity" ns={ns} active={isActive('/activity')} />
      </ul>
    </nav>
  );
}
