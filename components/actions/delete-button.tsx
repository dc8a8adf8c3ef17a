'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { withNamespace } from '@/components/layout/use-namespace';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { fetchJson } from '@/lib/client/fetch-json';
import { checksFor, type KindDescriptor } from '@/lib/k8s/actions/catalog';
import { GuardedButton } from './guarded-button';
import { objectUrl } from './urls';
import { useConfirmedAction } from './use-confirmed-action';
import { usePermission } from './use-permission';

// Delete with a confirmation that names the object and offers the propagation policy. A namespace or any
// cluster-scoped object is only deleted once its name has been typed.

interface Props { kindName: string; r: KindDescriptor; namespace?: string; name: string }

const CONSEQUENCE: Partial<Record<string, string>> = {
  pods: 'If a controller (a ReplicaSet of a Deployment) owns this pod, it creates a replacement.',
  deployments: 'Its ReplicaSets and pods are deleted too.',
  services: 'Traffic to the service stops; its pods keep running.',
  namespaces: 'Everything in the namespace is deleted with it.',
};
const POLICIES = [
  ['Background', 'Background: delete it now, its dependents right after (default)'],
  ['Foreground', 'Foreground: delete its dependents first, then it'],
  ['Orphan', 'Orphan: keep its dependents, without an owner'],
] as const;

export function DeleteButton({ kindName, r, namespace, name }: Props) {
  const router = useRouter();
  const permission = usePermission(checksFor('delete', r, namespace, name)[0]);
  const [policy, setPolicy] = useState<string>('Background');
  const [typed, setTyped] = useState('');
  const mustType = !r.namespaced;
  const what = `${r.kind.toLowerCase()} ${namespace ? `${namespace}/` : ''}${name}`;
  const { open, setOpen, busy, error, confirm } = useConfirmedAction(async () => {
    await fetchJson(`${objectUrl(kindName, namespace, name)}?propagationPolicy=${policy}${mustType ? `&confirm=${encodeURIComponent(typed)}` : ''}`, { method: 'DELETE' });
    router.push(withNamespace(`/${kindName}`, namespace));
  });

  return (
    <>
      <GuardedButton permission={permission} danger onClick={() => { setTyped(''); setOpen(true); }} aria-label={`Delete ${what}`}>Delete</GuardedButton>
      <ConfirmDialog
        open={open} title={`Delete ${what}?`} confirmLabel={busy ? 'Deleting…' : 'Delete'} danger
        confirmDisabled={busy || (mustType && typed !== name)} onConfirm={() => void confirm()} onCancel={() => setOpen(false)}
      >
        <p>
          This deletes {r.kind.toLowerCase()} <code className="font-mono font-semibold">{namespace ? `${namespace}/` : ''}{name}</code>.
        </p>
        {CONSEQUENCE[kindName] && <p>{CONSEQUENCE[kindName]}</p>}
        <label className="mt-2 block text-sm">
          Dependents{' '}
          <select aria-label="Propagation policy" value={policy} onChange={(e) => setPolicy(e.target.value)} className="rounded border border-zinc-300 bg-white px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-900">
            {POLICIES.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
          </select>
        </label>
        {mustType && (
          <label className="mt-2 block text-sm">
            Type <code className="font-mono font-semibold">{name}</code> to confirm{' '}
            <input aria-label="Name to confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" className="rounded border border-zinc-300 bg-white px-1 py-0.5 font-mono dark:border-zinc-700 dark:bg-zinc-900" />
          </label>
        )}
      </ConfirmDialog>
      {error && <div className="basis-full"><ErrorPanel error={error} action={`cannot delete ${what}`} /></div>}
    </>
  );
}
