'use client';

import { useRouter } from 'next/navigation';
import { withNamespace } from '@/components/layout/use-namespace';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { fetchJson } from '@/lib/client/fetch-json';
import { accessCheckFor } from '@/lib/k8s/actions/permissions';
import { RESOURCES, type KindName } from '@/lib/k8s/resources';
import { GuardedButton } from './guarded-button';
import { objectUrl } from './urls';
import { useConfirmedAction } from './use-confirmed-action';
import { usePermission } from './use-permission';

// Delete with a confirmation that names the object; afterwards the list shows what replaced it (if anything).

interface Props { kindName: KindName; namespace?: string; name: string }

const CONSEQUENCE: Partial<Record<KindName, string>> = {
  pods: 'If a controller (a ReplicaSet of a Deployment) owns this pod, it creates a replacement.',
  deployments: 'Its ReplicaSets and pods are deleted too.',
  services: 'Traffic to the service stops; its pods keep running.',
};

export function DeleteButton({ kindName, namespace, name }: Props) {
  const router = useRouter();
  const permission = usePermission(accessCheckFor('delete', kindName, namespace, name));
  const what = `${RESOURCES[kindName].kind.toLowerCase()} ${namespace ? `${namespace}/` : ''}${name}`;
  const { open, setOpen, busy, error, confirm } = useConfirmedAction(async () => {
    await fetchJson(objectUrl(kindName, namespace, name), { method: 'DELETE' });
    router.push(withNamespace(`/${kindName}`, namespace));
  });

  return (
    <>
      <GuardedButton permission={permission} danger onClick={() => setOpen(true)} aria-label={`Delete ${what}`}>Delete</GuardedButton>
      <ConfirmDialog open={open} title={`Delete ${what}?`} confirmLabel={busy ? 'Deleting…' : 'Delete'} danger onConfirm={() => void confirm()} onCancel={() => setOpen(false)}>
        <p>
          This deletes {RESOURCES[kindName].kind.toLowerCase()} <code className="font-mono font-semibold">{namespace ? `${namespace}/` : ''}{name}</code>.
        </p>
        {CONSEQUENCE[kindName] && <p>{CONSEQUENCE[kindName]}</p>}
      </ConfirmDialog>
      {error && <div className="basis-full"><ErrorPanel error={error} action={`cannot delete ${what}`} /></div>}
    </>
  );
}
