'use client';

import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { fetchJson } from '@/lib/client/fetch-json';
import { checksFor, type ObjectActionId } from '@/lib/k8s/actions/catalog';
import { RESOURCES, type KindName } from '@/lib/k8s/resources';
import { GuardedButton } from './guarded-button';
import { objectUrl } from './urls';
import { useConfirmedAction } from './use-confirmed-action';
import { usePermissions } from './use-permission';

// One one-step action (pause, resume, cordon, suspend, run now, undo): checked with an access review, confirmed,
// sent to POST …/actions/{action}; its answer (kubectl's words) or the API server's refusal is shown next to it.

interface Props {
  kindName: KindName; namespace?: string; name: string; action: ObjectActionId;
  label: string; confirm: ReactNode; body?: unknown; danger?: boolean; onDone?: () => void;
}

export function ActionButton({ kindName, namespace, name, action, label, confirm, body, danger, onDone }: Props) {
  const perms = usePermissions(checksFor(action, RESOURCES[kindName], namespace, name));
  const permission = perms.find((p) => !p.allowed) ?? perms[0];
  const [done, setDone] = useState<string>();
  const what = `${RESOURCES[kindName].kind.toLowerCase()} ${namespace ? `${namespace}/` : ''}${name}`;
  const s = useConfirmedAction(async () => {
    const res = await fetchJson<{ message: string }>(objectUrl(kindName, namespace, name, `actions/${action}`), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}),
    });
    setDone(res.message);
    onDone?.();
  });
  return (
    <>
      <GuardedButton permission={permission} danger={danger} onClick={() => { setDone(undefined); s.setOpen(true); }} aria-label={`${label} ${what}`}>{label}</GuardedButton>
      <ConfirmDialog open={s.open} title={`${label} ${what}?`} confirmLabel={s.busy ? 'Working…' : label} danger={danger} onConfirm={() => void s.confirm()} onCancel={() => s.setOpen(false)}>
        {confirm}
      </ConfirmDialog>
      {done && <span role="status" data-testid="action-result" className="text-xs text-emerald-700 dark:text-emerald-400">{done}</span>}
      {s.error && <div className="basis-full"><ErrorPanel error={s.error} action={`cannot ${label.toLowerCase()} ${what}`} /></div>}
    </>
  );
}
