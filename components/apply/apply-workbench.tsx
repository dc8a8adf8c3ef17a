'use client';

import { useState } from 'react';
import { useNamespace } from '@/components/layout/use-namespace';
import { ErrorPanel } from '@/components/ui/error-panel';
import { ApplyActions } from './apply-actions';
import { ApplyDialogs, type DialogName } from './apply-dialogs';
import { ApplyEditor } from './apply-editor';
import { PreviewList } from './preview-list';
import { ResultLines } from './result-lines';
import { useApply } from './use-apply';

// The apply page: edit, preview (server-side dry-run of every document), then apply or delete exactly that.

const ACTION = { preview: 'cannot preview this YAML', apply: 'nothing was applied', delete: 'nothing was deleted' } as const;

/** `initial`: the text the page opens with (a Create template). */
export function ApplyWorkbench({ initial }: { initial?: string }) {
  const [selected] = useNamespace();
  const s = useApply(selected, initial);
  const [dialog, setDialog] = useState<DialogName>();
  const docs = s.preview?.documents ?? [];
  const errors = docs.filter((d) => d.outcome === 'error');
  const otherErrors = errors.filter((d) => !d.conflicts?.length);
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-lg font-semibold">Apply YAML</h1>
        <span className="text-zinc-500">
          server-side apply as <code className="font-mono">wheelhouse</code>; documents without a namespace go to{' '}
          <strong data-testid="target-namespace" className="font-medium text-zinc-700 dark:text-zinc-300">{s.namespace}</strong>
        </span>
      </div>
      <ApplyEditor value={s.text} onChange={s.setText} />
      <ApplyActions
        documents={s.preview?.documents}
        previewCurrent={s.previewCurrent}
        busy={s.busy}
        hasText={!!s.text.trim()}
        onPreview={() => s.run('preview')}
        onApply={() => (errors.length ? setDialog('only-valid') : s.run('apply'))}
        onForce={() => setDialog('force')}
        onDelete={() => setDialog('delete')}
      />
      {s.error && <ErrorPanel error={s.error.body} action={ACTION[s.error.mode]} />}
      {s.result && <ResultLines result={s.result} />}
      {s.preview && <PreviewList preview={s.preview} stale={!s.previewCurrent} />}
      <ApplyDialogs
        open={dialog}
        documents={docs}
        onClose={() => setDialog(undefined)}
        onApplyValid={() => s.run('apply', { onlyValid: true })}
        onForce={() => s.run('apply', { force: true, onlyValid: otherErrors.length > 0 })}
        onDelete={() => s.run('delete', { onlyValid: docs.some((d) => d.deletable === undefined) })}
      />
    </section>
  );
}
