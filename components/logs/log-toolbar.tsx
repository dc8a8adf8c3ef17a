'use client';

import { useState } from 'react';

// `kubectl logs` flags as controls: container, --tail, -f, --previous, --timestamps; plus search and download.

export interface LogSettings { container: string; tail: number; follow: boolean; previous: boolean; timestamps: boolean }

interface Props {
  containers: { name: string; init: boolean }[];
  /** Deployments may show every container at once. */
  allContainers: boolean;
  settings: LogSettings;
  onChange: (patch: Partial<LogSettings>) => void;
  search: string;
  onSearch: (v: string) => void;
  onlyMatches: boolean;
  onOnlyMatches: (v: boolean) => void;
  onDownload: () => void;
  canDownload: boolean;
}

export const MAX_TAIL = 10_000;
const INPUT = 'rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900';

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="inline-flex items-center gap-1.5">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

export function LogToolbar({ containers, allContainers, settings, onChange, search, onSearch, onlyMatches, onOnlyMatches, onDownload, canDownload }: Props) {
  const [tail, setTail] = useState(String(settings.tail));
  const [tailFor, setTailFor] = useState(settings.tail);
  if (tailFor !== settings.tail) {
    setTailFor(settings.tail);
    setTail(String(settings.tail));
  }
  const n = /^\d+$/.test(tail.trim()) ? Number(tail) : Number.NaN;
  const tailError = n >= 1 && n <= MAX_TAIL ? undefined : `Tail must be a whole number from 1 to ${MAX_TAIL}`;
  const applyTail = () => {
    if (!tailError && n !== settings.tail) onChange({ tail: n });
  };
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <label className="inline-flex items-center gap-1.5">
        Container
        <select aria-label="Container" value={settings.container} onChange={(e) => onChange({ container: e.target.value })} className={INPUT}>
          {allContainers && <option value="">all containers</option>}
          {containers.map((c) => <option key={c.name} value={c.name}>{c.name}{c.init ? ' (init)' : ''}</option>)}
        </select>
      </label>
      <label className="inline-flex items-center gap-1.5">
        Tail
        <input
          aria-label="Tail lines"
          inputMode="numeric"
          value={tail}
          aria-invalid={tailError ? true : undefined}
          title={tailError}
          onChange={(e) => setTail(e.target.value)}
          onBlur={applyTail}
          onKeyDown={(e) => e.key === 'Enter' && applyTail()}
          className={`${INPUT} w-20 tabular-nums ${tailError ? 'border-red-500' : ''}`}
        />
      </label>
      <Check label="Follow" checked={settings.follow} onChange={(follow) => onChange({ follow })} />
      <Check label="Previous container" checked={settings.previous} onChange={(previous) => onChange({ previous })} />
      <Check label="Timestamps" checked={settings.timestamps} onChange={(timestamps) => onChange({ timestamps })} />
      <input type="search" aria-label="Search the log" placeholder="Search" value={search} onChange={(e) => onSearch(e.target.value)} className={`${INPUT} w-56`} />
      <Check label="Only matching lines" checked={onlyMatches} onChange={onOnlyMatches} />
      <button type="button" onClick={onDownload} disabled={!canDownload} className="rounded border border-zinc-300 px-2.5 py-1 hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
        Download
      </button>
      {tailError && <p role="alert" className="basis-full text-xs text-red-700 dark:text-red-400">{tailError}</p>}
    </div>
  );
}
