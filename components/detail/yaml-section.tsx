'use client';

import { useState } from 'react';
import { Section } from './section';

/** The object as YAML with a copy button; managedFields folded away unless asked for. */
export function YamlSection({ yaml, managedFieldsYaml }: { yaml: string; managedFieldsYaml?: string }) {
  const [copied, setCopied] = useState(false);
  const [showManaged, setShowManaged] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(yaml);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <Section id="yaml" title="YAML">
      <div className="flex gap-2 text-xs">
        <button type="button" onClick={copy} className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-700">{copied ? 'Copied' : 'Copy YAML'}</button>
        {managedFieldsYaml && (
          <button type="button" aria-expanded={showManaged} onClick={() => setShowManaged((v) => !v)} className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-700">
            {showManaged ? 'Hide managedFields' : 'Show managedFields'}
          </button>
        )}
      </div>
      <pre data-testid="object-yaml" className="max-h-[32rem] overflow-auto rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-900">
        {yaml}
      </pre>
      {showManaged && managedFieldsYaml && (
        <pre data-testid="managed-fields" className="max-h-96 overflow-auto rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-900">{managedFieldsYaml}</pre>
      )}
    </Section>
  );
}
