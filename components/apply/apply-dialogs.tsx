'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { DocResult } from '@/lib/k8s/apply/types';
import { docTitle } from './document-card';

// The confirmations before a write: applying only the valid documents, forcing conflicts, deleting objects.

export type DialogName = 'only-valid' | 'force' | 'delete';

function objectRef(d: DocResult): string {
  const ns = d.namespace ? ` (namespace ${d.namespace})` : '';
  return `${d.resource ?? d.kind?.toLowerCase() ?? 'object'} "${d.name ?? '?'}"${ns}`;
}

function Skipped({ docs }: { docs: DocResult[] }) {
  if (!docs.length) return null;
  return (
    <>
      <p className="mt-2">Skipped, because of their errors:</p>
      <ul className="list-disc pl-5">
        {docs.map((d) => <li key={d.index}>{docTitle(d)} — {d.error?.reason ?? 'error'}</li>)}
      </ul>
    </>
  );
}

interface Props {
  open: DialogName | undefined;
  documents: DocResult[];
  onClose: () => void;
  onApplyValid: () => void;
  onForce: () => void;
  onDelete: () => void;
}

export function ApplyDialogs({ open, documents, onClose, onApplyValid, onForce, onDelete }: Props) {
  const errors = documents.filter((d) => d.outcome === 'error');
  const valid = documents.filter((d) => d.outcome !== 'error');
  const conflicted = errors.filter((d) => d.conflicts?.length);
  const deletable = documents.filter((d) => d.deletable !== undefined);
  const run = (action: () => void) => () => {
    onClose();
    action();
  };
  return (
    <>
      <ConfirmDialog open={open === 'only-valid'} title="Apply only the valid documents?" confirmLabel={`Apply ${valid.length} valid document${valid.length === 1 ? '' : 's'}`} onConfirm={run(onApplyValid)} onCancel={onClose}>
        <p>{errors.length} of {documents.length} documents have errors in the preview. Applied:</p>
        <ul className="list-disc pl-5 font-mono text-xs">{valid.map((d) => <li key={d.index}>{d.line}</li>)}</ul>
        <Skipped docs={errors} />
      </ConfirmDialog>
      <ConfirmDialog open={open === 'force'} title="Force apply: take ownership of these fields?" confirmLabel="Force apply" danger onConfirm={run(onForce)} onCancel={onClose}>
        <p>Other field managers own these fields. Forcing sets them to this YAML&apos;s values and makes Wheelhouse their owner; the other managers are not told.</p>
        <table className="mt-2 text-xs" aria-label="Fields that would be taken over">
          <thead><tr className="text-left"><th className="pr-4">Object</th><th className="pr-4">Field</th><th>Manager</th></tr></thead>
          <tbody>
            {conflicted.flatMap((d) => d.conflicts!.map((c) => (
              <tr key={`${d.index}${c.field}`}><td className="pr-4">{docTitle(d)}</td><td className="pr-4 font-mono">{c.field}</td><td className="font-mono">{c.manager}</td></tr>
            )))}
          </tbody>
        </table>
        <Skipped docs={errors.filter((d) => !d.conflicts?.length)} />
      </ConfirmDialog>
      <ConfirmDialog open={open === 'delete'} title={`Delete ${deletable.length} object${deletable.length === 1 ? '' : 's'}?`} confirmLabel="Delete" danger onConfirm={run(onDelete)} onCancel={onClose}>
        <p>Like <code className="font-mono">kubectl delete -f</code> of this YAML; dependents are deleted in the background.</p>
        <ul className="mt-2 list-disc pl-5 font-mono text-xs" aria-label="Objects to delete">
          {deletable.map((d) => (
            <li key={d.index}>{objectRef(d)}{d.deletable ? '' : ' — not allowed for you: will fail'}</li>
          ))}
        </ul>
        <Skipped docs={documents.filter((d) => d.deletable === undefined)} />
      </ConfirmDialog>
    </>
  );
}
