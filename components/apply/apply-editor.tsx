'use client';

import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMemo, useState, useSyncExternalStore, type ChangeEvent } from 'react';
import { APPLY_LIMITS } from '@/lib/k8s/apply/types';

// The YAML (or JSON) editor: highlighting, line numbers, paste or upload a file. Size is shown against the 1 MiB
// limit; the server enforces it.

const LABEL = 'YAML manifest';

const DARK = '(prefers-color-scheme: dark)';
function subscribeDark(onChange: () => void): () => void {
  const mq = window.matchMedia(DARK);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

function usePrefersDark(): boolean {
  return useSyncExternalStore(subscribeDark, () => window.matchMedia(DARK).matches, () => false);
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

export function ApplyEditor({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const dark = usePrefersDark();
  const [fileError, setFileError] = useState<string>();
  const isJson = /^\s*[{[]/.test(value);
  const extensions = useMemo(
    () => [isJson ? json() : yaml(), EditorView.lineWrapping, EditorView.contentAttributes.of({ 'aria-label': LABEL, 'aria-multiline': 'true' })],
    [isJson],
  );
  const bytes = useMemo(() => new TextEncoder().encode(value).length, [value]);
  const over = bytes > APPLY_LIMITS.maxBytes;

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setFileError(undefined);
    try {
      onChange(await file.text());
    } catch {
      setFileError(`${file.name} could not be read`);
    }
  }

  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-3">
        <span id="apply-editor-label" className="font-medium">{LABEL}</span>
        <span className="text-zinc-500">paste YAML or JSON; separate documents with <code className="font-mono">---</code></span>
        <label className="ml-auto cursor-pointer rounded border border-zinc-300 px-2 py-1 hover:bg-zinc-100 focus-within:outline-2 focus-within:outline-sky-500 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Upload file…
          <input type="file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml,text/plain" onChange={onFile} className="sr-only" aria-label="Upload a YAML or JSON file" />
        </label>
      </div>
      <div className="overflow-hidden rounded border border-zinc-300 dark:border-zinc-700">
        <CodeMirror
          value={value}
          onChange={onChange}
          extensions={extensions}
          theme={dark ? 'dark' : 'light'}
          height="24rem"
          basicSetup={{ autocompletion: false, closeBrackets: false, foldGutter: true, highlightActiveLine: true }}
          aria-labelledby="apply-editor-label"
        />
      </div>
      <p className={`text-xs ${over ? 'text-red-700 dark:text-red-300' : 'text-zinc-500'}`} data-testid="yaml-size">
        {formatBytes(bytes)} of {formatBytes(APPLY_LIMITS.maxBytes)}
        {over ? ' — too large: the server will refuse it' : ''}
      </p>
      {fileError && <p role="alert" className="text-xs text-red-700 dark:text-red-300">{fileError}</p>}
    </div>
  );
}
