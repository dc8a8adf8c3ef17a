'use client';

import type { ApplyMode, DocResult } from '@/lib/k8s/apply/types';

// Preview / Apply / Force apply / Delete, each with the reason it is disabled said out loud (and as a tooltip).

interface Props {
  documents: DocResult[] | undefined;
  previewCurrent: boolean;
  busy: ApplyMode | undefined;
  hasText: boolean;
  onPreview: () => void;
  onApply: () => void;
  onForce: () => void;
  onDelete: () => void;
}

function writeBlocker(documents: DocResult[] | undefined, previewCurrent: boolean): string | undefined {
  if (!documents) return 'Preview first: Apply and Delete act only on what you have previewed.';
  if (!previewCurrent) return 'The YAML or namespace changed since the preview: preview again.';
  return undefined;
}

const BUTTON = 'rounded px-3 py-1.5 font-medium disabled:cursor-not-allowed disabled:opacity-50';

export function ApplyActions({ documents, previewCurrent, busy, hasText, onPreview, onApply, onForce, onDelete }: Props) {
  const blocker = writeBlocker(documents, previewCurrent);
  const docs = documents ?? [];
  const valid = docs.filter((d) => d.outcome !== 'error');
  const allForbidden = docs.length > 0 && docs.every((d) => d.error?.reason === 'Forbidden');
  const applyWhy =
    blocker ??
    (allForbidden
      ? 'You may not apply any of these documents: every dry-run was Forbidden.'
      : !valid.length
        ? docs.some((d) => d.conflicts?.length) ? 'Every document has errors or conflicts: nothing to apply without forcing.' : 'Every document has errors: nothing to apply.'
        : undefined);
  const deletable = docs.filter((d) => d.deletable !== undefined);
  const deleteWhy =
    blocker ??
    (!deletable.length
      ? 'No document names an object that could be deleted.'
      : !deletable.some((d) => d.deletable)
        ? 'You may not delete any of these objects (SelfSubjectAccessReview).'
        : undefined);
  const conflicts = !blocker && docs.some((d) => d.conflicts?.length);
  const why = [applyWhy && `Apply: ${applyWhy}`, deleteWhy && deleteWhy !== applyWhy && `Delete: ${deleteWhy}`].filter(Boolean).join(' ');
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={onPreview} disabled={!!busy || !hasText} className={`${BUTTON} bg-sky-600 text-white hover:bg-sky-700 dark:bg-sky-700`}>
        {busy === 'preview' ? 'Previewing…' : 'Preview'}
      </button>
      <span title={applyWhy}>
        <button type="button" onClick={onApply} disabled={!!busy || !!applyWhy} aria-describedby="apply-why" className={`${BUTTON} bg-emerald-600 text-white hover:bg-emerald-700 dark:bg-emerald-700`}>
          {busy === 'apply' ? 'Applying…' : 'Apply'}
        </button>
      </span>
      {conflicts && (
        <button type="button" onClick={onForce} disabled={!!busy} className={`${BUTTON} border border-amber-500 text-amber-900 hover:bg-amber-50 dark:text-amber-200 dark:hover:bg-amber-950`}>
          Force apply (take ownership of these fields)…
        </button>
      )}
      <span title={deleteWhy}>
        <button type="button" onClick={onDelete} disabled={!!busy || !!deleteWhy} aria-describedby="apply-why" className={`${BUTTON} border border-red-400 text-red-800 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950`}>
          {busy === 'delete' ? 'Deleting…' : 'Delete these objects…'}
        </button>
      </span>
      <span id="apply-why" className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="apply-why">{why}</span>
    </div>
  );
}
