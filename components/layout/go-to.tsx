'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { matchEntries } from '@/lib/k8s/catalog';
import type { NavEntry } from '@/lib/k8s/nav';
import { withNamespace } from './use-namespace';

// "Go to": `g` or Ctrl-K focuses it; a kind by its name, kind, short name (deploy, sts, cm) or `plural.group`, or
// `kind name` (e.g. "deploy nginx") for one object of that kind in the selected namespace; anything else filters the
// current list by name.

const MAX = 8;

function typing(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function GoTo({ entries, namespace }: { entries: NavEntry[]; namespace?: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === 'g' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target))) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const [kindWord, ...rest] = text.trim().split(/\s+/);
  const objectName = rest.join(' ');
  const matches = useMemo(() => matchEntries(entries, kindWord ?? '').slice(0, MAX), [entries, kindWord]);

  const go = (e: NavEntry) => {
    const ns = e.namespaced ? namespace : undefined;
    const href = objectName
      ? e.namespaced && !ns ? withNamespace(`/${e.name}?q=${encodeURIComponent(objectName)}`, undefined) : `/${e.name}/${ns ? encodeURIComponent(ns) : '-'}/${encodeURIComponent(objectName)}${ns ? `?ns=${encodeURIComponent(ns)}` : ''}`
      : withNamespace(`/${e.name}`, ns);
    setText('');
    input.current?.blur();
    router.push(href);
  };
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (matches[0]) go(matches[0]);
    else if (text.trim()) {
      // Not a kind: an object name, searched in the current list.
      const url = new URL(window.location.href);
      url.searchParams.set('q', text.trim());
      router.push(`${url.pathname}?${url.searchParams.toString()}`);
      setText('');
    }
  };
  return (
    <form onSubmit={submit} role="search" className="relative mb-3">
      <input
        ref={input}
        aria-label="Go to"
        placeholder="Go to…  (g, Ctrl-K)"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && (setText(''), input.current?.blur())}
        className="w-full rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-950"
      />
      {text.trim() && matches.length > 0 && (
        <ul role="listbox" aria-label="Go to matches" className="absolute z-20 mt-1 w-72 rounded border border-zinc-300 bg-white shadow dark:border-zinc-700 dark:bg-zinc-900">
          {matches.map((m, i) => (
            <li key={m.name} role="option" aria-selected={i === 0}>
              <button type="button" onClick={() => go(m)} className="flex w-full justify-between gap-2 px-2 py-1 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800">
                <span>{m.title}{objectName ? ` ${objectName}` : ''}</span>
                <span className="truncate text-xs text-zinc-500">{[m.shortNames.join(','), m.group].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
