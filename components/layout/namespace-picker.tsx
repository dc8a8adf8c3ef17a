'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { useResourceList } from '@/components/resources/use-resource-list';
import { REMEMBERED_NAMESPACE, useNamespace } from './use-namespace';

// "All namespaces" plus the namespaces the user may list. A user who may not list namespaces (a namespace-scoped
// ServiceAccount) types the one they work in instead; the choice is remembered.

export function NamespacePicker() {
  const [namespace, setNamespace] = useNamespace();
  const { rows, error } = useResourceList('namespaces');
  const [typed, setTyped] = useState(namespace ?? '');
  const [typedFor, setTypedFor] = useState(namespace);
  if (typedFor !== namespace) {
    setTypedFor(namespace);
    setTyped(namespace ?? '');
  }

  useEffect(() => {
    if (namespace) return;
    let remembered = '';
    try {
      remembered = window.localStorage.getItem(REMEMBERED_NAMESPACE) ?? '';
    } catch {
      // no storage: stay on all namespaces
    }
    if (remembered) setNamespace(remembered);
    // Only on first load: the user's own choices go through setNamespace.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (error) {
    const submit = (e: FormEvent) => {
      e.preventDefault();
      setNamespace(typed.trim() || undefined);
    };
    return (
      <form onSubmit={submit} className="flex items-center gap-2" aria-describedby="ns-unavailable">
        <label htmlFor="ns-input" className="font-medium">Namespace</label>
        <input
          id="ns-input"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder="type a namespace"
          className="w-44 rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button type="submit" className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700">Use</button>
        <span id="ns-unavailable" className="text-xs text-amber-700 dark:text-amber-300">
          {error.reason === 'Forbidden' ? 'You may not list namespaces here: type the one you work in.' : `Namespaces unavailable (${error.reason}): type one.`}
        </span>
      </form>
    );
  }
  const names = rows?.map((r) => r.name) ?? [];
  if (namespace && !names.includes(namespace)) names.push(namespace);
  return (
    <label className="flex items-center gap-2">
      <span className="font-medium">Namespace</span>
      <select
        value={namespace ?? ''}
        onChange={(e) => setNamespace(e.target.value || undefined)}
        className="rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
      >
        <option value="">All namespaces</option>
        {names.sort().map((n) => (
          <option key={n} value={n}>{n}</option>
        ))}
      </select>
    </label>
  );
}
