'use client';

import { useState } from 'react';

// Annotations can be huge (last-applied-configuration): long values are cut to one line until expanded.

const LONG = 100;

function Annotation({ name, value }: { name: string; value: string }) {
  const [open, setOpen] = useState(false);
  const long = value.length > LONG || value.includes('\n');
  return (
    <li data-annotation={name} className="font-mono text-xs">
      <span className="text-zinc-600 dark:text-zinc-400">{name}=</span>
      {long && !open ? (
        <span className="break-all">{value.replace(/\s+/g, ' ').slice(0, LONG)}…</span>
      ) : (
        <span className="break-all whitespace-pre-wrap">{value}</span>
      )}
      {long && (
        <button
          type="button"
          aria-expanded={open}
          aria-label={`${open ? 'Collapse' : 'Expand'} annotation ${name}`}
          onClick={() => setOpen((o) => !o)}
          className="ml-1 font-sans text-sky-700 hover:underline dark:text-sky-400"
        >
          {open ? 'less' : `more (${value.length} chars)`}
        </button>
      )}
    </li>
  );
}

export function AnnotationList({ annotations }: { annotations: Record<string, string> }) {
  const entries = Object.entries(annotations).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return <span className="text-zinc-500">&lt;none&gt;</span>;
  return (
    <ul aria-label="Annotations" className="space-y-0.5">
      {entries.map(([k, v]) => <Annotation key={k} name={k} value={v} />)}
    </ul>
  );
}
