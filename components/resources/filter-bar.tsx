'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { parseLabelSelector } from '@/lib/k8s/label-selector';

// Name filter (`/` focuses it) and, for namespaced kinds, a label selector in kubectl's `-l` syntax that is checked
// before it is used.

interface Props {
  name: string;
  onName: (v: string) => void;
  labelSelector?: string;
  onLabelSelector?: (v: string) => void;
  /** kubectl's `-o wide`: the Table's priority > 0 columns too (only for kinds that have them). */
  wide?: boolean;
  onWide?: (on: boolean) => void;
}

export function FilterBar({ name, onName, labelSelector, onLabelSelector, wide, onWide }: Props) {
  const nameRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(labelSelector ?? '');
  const [selectorError, setSelectorError] = useState<string>();

  const [draftFor, setDraftFor] = useState(labelSelector);
  if (draftFor !== labelSelector) {
    setDraftFor(labelSelector);
    setDraft(labelSelector ?? '');
  }
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key === '/' && !(t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable))) {
        e.preventDefault();
        nameRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function applySelector(e: FormEvent) {
    e.preventDefault();
    const value = draft.trim();
    if (!value) {
      setSelectorError(undefined);
      onLabelSelector?.('');
      return;
    }
    const parsed = parseLabelSelector(value);
    if (!parsed.ok) {
      setSelectorError(parsed.error);
      return;
    }
    setSelectorError(undefined);
    onLabelSelector?.(parsed.normalized);
  }

  return (
    <div className="flex flex-wrap items-start gap-3">
      <label className="flex items-center gap-2">
        <span className="sr-only">Filter by name</span>
        <input
          ref={nameRef}
          type="search"
          aria-label="Filter by name"
          placeholder="Filter by name  ( / )"
          value={name}
          onChange={(e) => onName(e.target.value)}
          className="w-64 rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
      {onWide && (
        <label className="flex items-center gap-1 py-1">
          <input type="checkbox" checked={!!wide} onChange={(e) => onWide(e.target.checked)} />
          <span>Wide</span>
        </label>
      )}
      {onLabelSelector && (
        <form onSubmit={applySelector} className="flex flex-col gap-1">
          <div className="flex items-center gap-2">
            <input
              aria-label="Label selector"
              aria-invalid={selectorError ? true : undefined}
              aria-describedby={selectorError ? 'selector-error' : undefined}
              placeholder="Label selector, e.g. app=nginx, env in (a,b), !canary"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              className="w-96 rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
            />
            <button type="submit" className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700">Apply selector</button>
          </div>
          {selectorError && <p id="selector-error" role="alert" className="text-xs text-red-700 dark:text-red-400">{selectorError}</p>}
        </form>
      )}
    </div>
  );
}
