'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { fetchJson } from '@/lib/client/fetch-json';
import { accessCheckFor } from '@/lib/k8s/actions/permissions';
import { RESOURCES, type KindName } from '@/lib/k8s/resources';
import { GuardedButton } from './guarded-button';
import { objectUrl } from './urls';
import { useConfirmedAction } from './use-confirmed-action';
import { usePermission } from './use-permission';

// `kubectl rollout restart`: the pods are replaced one by one; the live rows and the rollout panel follow it.

interface Props { kindName: KindName; namespace?: string; name: string; onRestarted?: (at: string) => void }

export function RestartButton({ kindName, namespace, name, onRestarted }: Props) {
  const permission = usePermission(accessCheckFor('restart', kindName, namespace, name));
  const what = `${RESOURCES[kindName].kind.toLowerCase()} ${namespace ? `${namespace}/` : ''}${name}`;
  const { open, setOpen, busy, error, confirm } = useConfirmedAction(async () => {
    const res = await fetchJson<{ restartedAt: string }>(objectUrl(kindName, namespace, name, 'restart'), { method: 'POST' });
    onRestarted?.(res.restartedAt);
  });

  return (
    <>
      <GuardedButton permission={permission} onClick={() => setOpen(true)} aria-label={`Restart ${what}`}>Restart</GuardedButton>
      <ConfirmDialog open={open} title={`Restart ${what}?`} confirmLabel={busy ? 'Restarting…' : 'Restart'} onConfirm={() => void confirm()} onCancel={() => setOpen(false)}>
        <p>Every pod is replaced, following the rollout strategy (as <code className="font-mono">kubectl rollout restart</code> does).</p>
      </ConfirmDialog>
      {error && <div className="basis-full"><ErrorPanel error={error} action={`cannot restart ${what}`} /></div>}
    </>
  );
}
