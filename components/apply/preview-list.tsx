import type { ApplyResponse, Outcome } from '@/lib/k8s/apply/types';
import { DocumentCard } from './document-card';
import { WarningsPanel } from './warnings-panel';

// The server-side dry-run of every document: a one-line summary, the API server's warnings, then one card each.

const SUMMARY: [Outcome, string][] = [
  ['create', 'would create'],
  ['change', 'would change'],
  ['unchanged', 'unchanged'],
  ['error', 'with errors'],
];

export function PreviewList({ preview, stale }: { preview: ApplyResponse; stale: boolean }) {
  const count = (o: Outcome) => preview.documents.filter((d) => d.outcome === o).length;
  const summary = SUMMARY.filter(([o]) => count(o) > 0).map(([o, text]) => `${count(o)} ${text}`).join(' · ');
  return (
    <section aria-label="Preview" className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 className="text-base font-semibold">Preview (server-side dry-run)</h2>
        <span className="text-zinc-600 dark:text-zinc-400" data-testid="preview-summary">
          {preview.documents.length} document{preview.documents.length === 1 ? '' : 's'}: {summary}
        </span>
        {stale && <span className="text-amber-700 dark:text-amber-300">The YAML or namespace changed since this preview: preview again.</span>}
      </div>
      <WarningsPanel warnings={preview.warnings} />
      <ol className="space-y-2">
        {preview.documents.map((d) => (
          <DocumentCard key={d.index} doc={d} />
        ))}
      </ol>
    </section>
  );
}
