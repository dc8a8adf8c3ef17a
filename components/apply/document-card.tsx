import { ErrorPanel } from '@/components/ui/error-panel';
import type { DocResult } from '@/lib/k8s/apply/types';
import { DiffView } from './diff-view';
import { OutcomeBadge } from './outcome-badge';

// One document of a preview: what it is, what applying it would do, and why not when it cannot be applied.

export function docTitle(d: DocResult): string {
  return d.kind && d.name ? `${d.kind} ${d.name}` : `Document ${d.index + 1}`;
}

function ConflictList({ doc }: { doc: DocResult }) {
  return (
    <div className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
      <p className="font-medium">Fields owned by another manager — not forced by default</p>
      <table className="mt-1 text-xs" aria-label={`Conflicting fields of ${docTitle(doc)}`}>
        <thead>
          <tr className="text-left"><th className="pr-4 font-medium">Field</th><th className="font-medium">Manager</th></tr>
        </thead>
        <tbody>
          {doc.conflicts!.map((c) => (
            <tr key={c.field}><td className="pr-4 font-mono">{c.field}</td><td className="font-mono">{c.manager}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DocumentCard({ doc }: { doc: DocResult }) {
  const title = docTitle(doc);
  return (
    <li data-doc-index={doc.index} data-outcome={doc.outcome} aria-label={title} className="space-y-2 rounded border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <OutcomeBadge outcome={doc.outcome} conflict={!!doc.conflicts?.length} />
        <span className="font-medium">{doc.kind ?? 'unknown kind'}</span>
        <span className="font-mono">{doc.name ?? '(no name)'}</span>
        {doc.namespace && <span className="text-zinc-500">namespace {doc.namespace}</span>}
        <span className="ml-auto text-xs text-zinc-500">
          {doc.apiVersion ? `${doc.apiVersion} · ` : ''}document {doc.index + 1}, line {doc.startLine}
        </span>
      </div>
      {doc.outcome !== 'error' && <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400" data-testid="doc-line">{doc.line}</p>}
      {doc.note && <p className="text-xs text-amber-800 dark:text-amber-300">{doc.note}</p>}
      {doc.warnings?.map((w) => (
        <p key={w} className="text-xs text-amber-800 dark:text-amber-300">Warning: {w}</p>
      ))}
      {doc.error && !doc.conflicts && <ErrorPanel error={doc.error} action={`${title} cannot be applied`} />}
      {doc.conflicts && <ConflictList doc={doc} />}
      {doc.diff && (
        <details open={doc.outcome === 'change' || !!doc.conflicts?.length}>
          <summary className="cursor-pointer select-none text-xs text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
            {doc.conflicts ? 'What forcing would change' : 'Diff: live object → after apply'}
          </summary>
          <div className="mt-1">
            <DiffView diff={doc.diff} label={`Diff of ${title}`} />
          </div>
        </details>
      )}
    </li>
  );
}
