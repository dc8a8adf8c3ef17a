import { ErrorPanel } from '@/components/ui/error-panel';
import type { ApplyResponse } from '@/lib/k8s/apply/types';
import { docTitle } from './document-card';
import { WarningsPanel } from './warnings-panel';

// What an apply or delete did, one line per document in kubectl's words, then the details of any failure.

export function ResultLines({ result }: { result: ApplyResponse }) {
  const failed = result.documents.filter((d) => d.outcome === 'error' && d.error);
  return (
    <section aria-label={result.mode === 'delete' ? 'Delete result' : 'Apply result'} className="space-y-2">
      <h2 className="text-base font-semibold">{result.mode === 'delete' ? 'Deleted' : 'Applied'}</h2>
      <pre data-testid="result-lines" className="overflow-x-auto rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-900">
        {result.documents.map((d) => (
          <div key={d.index} data-outcome={d.outcome} className={d.outcome === 'error' ? 'text-red-700 dark:text-red-300' : ''}>
            {d.line}
          </div>
        ))}
      </pre>
      <WarningsPanel warnings={result.warnings} />
      {failed.map((d) => (
        <ErrorPanel key={d.index} error={d.error!} action={`${docTitle(d)} was not ${result.mode === 'delete' ? 'deleted' : 'applied'}`} />
      ))}
    </section>
  );
}
