'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { BUTTON } from '@/components/actions/guarded-button';
import { usePermissions } from '@/components/actions/use-permission';
import { ApplyEditor } from '@/components/apply/apply-editor';
import { DiffView } from '@/components/apply/diff-view';
import { WarningsPanel } from '@/components/apply/warnings-panel';
import { ErrorPanel } from '@/components/ui/error-panel';
import { checksFor, type KindDescriptor } from '@/lib/k8s/actions/catalog';
import { useEdit } from './use-edit';

// Edit one object's YAML: Preview (server dry-run, as a diff against the live object), then Save (a patch of the
// user's changes, refused if the object changed since it was opened; then the conflict shows what changed).

interface Props { kindName: string; descriptor: KindDescriptor; namespace?: string; name: string; detailHref: string }
const PRIMARY = 'rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-sky-600';

export function EditWorkbench({ kindName, descriptor, namespace, name, detailHref }: Props) {
  const router = useRouter();
  const s = useEdit(kindName, namespace, name);
  const [permission] = usePermissions(checksFor('edit', descriptor, namespace, name));
  const what = `${descriptor.kind.toLowerCase()} ${namespace ? `${namespace}/` : ''}${name}`;
  const current = s.answer && s.answer.for === s.text ? s.answer : undefined;
  useEffect(() => {
    if (current?.outcome === 'saved' && !current.warnings.length) router.push(detailHref);
  }, [current, detailHref, router]);
  const blocked = !permission.allowed;
  return (
    <section className="space-y-3" aria-label={`Edit ${what}`}>
      {s.loaded && <ApplyEditor value={s.text} onChange={s.setText} />}
      <div role="toolbar" aria-label="Edit actions" className="flex flex-wrap items-center gap-2">
        <span title={blocked ? permission.reason : undefined} className="inline-flex gap-2">
          <button type="button" className={`${BUTTON} border-zinc-300 dark:border-zinc-700`} disabled={!s.loaded || s.busy || blocked} onClick={() => void s.preview()}>Preview</button>
          <button type="button" className={PRIMARY} disabled={!s.loaded || s.busy || blocked || !s.changed} onClick={() => void s.save()} data-denied={blocked && !permission.loading ? 'true' : undefined}>
            {s.busy ? 'Working…' : 'Save'}
          </button>
        </span>
        {blocked && permission.reason && <span className="text-xs text-zinc-500" data-testid="edit-denied">{permission.reason}</span>}
        <span role="status" data-testid="edit-status" className="text-xs text-zinc-500">
          {current?.outcome === 'preview' && (current.diff ? 'The server accepts this change (dry run):' : 'No change')}
          {current?.outcome === 'unchanged' && 'Nothing changed: nothing was sent'}
          {current?.outcome === 'saved' && 'Saved'}
        </span>
      </div>
      {s.error && <ErrorPanel error={s.error} action={`cannot save ${what}`} />}
      {s.conflict && (
        <div data-testid="edit-conflict" className="space-y-2 rounded border border-amber-300 p-3 dark:border-amber-800">
          <p className="font-medium">Changed meanwhile (the object as you opened it → as it is now):</p>
          {s.conflict.meanwhile ? <DiffView diff={s.conflict.meanwhile} label="Changes made meanwhile" /> : <p className="text-xs">Only server-owned fields changed.</p>}
          <div className="flex gap-2">
            <button type="button" className={PRIMARY} onClick={() => s.reload(true)}>Re-apply my edits to the latest version</button>
            <button type="button" className={`${BUTTON} border-zinc-300 dark:border-zinc-700`} onClick={() => s.reload(false)}>Discard my edits and reload</button>
          </div>
        </div>
      )}
      {current && current.warnings.length > 0 && <WarningsPanel warnings={current.warnings} />}
      {current?.diff && <DiffView diff={current.diff} label={current.outcome === 'saved' ? 'What was saved' : 'What saving would change'} />}
    </section>
  );
}
