'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { StatusBadge } from '@/components/ui/status-badge';
import { fetchJson, type FetchError } from '@/lib/client/fetch-json';
import { checksFor } from '@/lib/k8s/actions/catalog';
import type { DrainProgress, PodState } from '@/lib/k8s/drain-plan';
import { RESOURCES } from '@/lib/k8s/resources';
import { GuardedButton } from './guarded-button';
import { objectUrl } from './urls';
import { useConfirmedAction } from './use-confirmed-action';
import { usePermissions } from './use-permission';

// `kubectl drain` run by the console server: the dialog asks for consent to lose emptyDir data and unmanaged pods;
// progress per pod is polled every second while it runs (a PDB-blocked eviction says which budget blocks it).

const HEALTH: Record<PodState, 'ok' | 'progress' | 'warning' | 'error' | 'neutral'> = {
  pending: 'neutral', evicting: 'progress', blocked: 'warning', evicted: 'progress', gone: 'ok', skipped: 'neutral', refused: 'error', failed: 'error',
};

export function DrainButton({ name }: { name: string }) {
  const url = objectUrl('nodes', undefined, name, 'drain');
  const perms = usePermissions(checksFor('drain', RESOURCES.nodes, undefined, name));
  const permission = perms.find((p) => !p.allowed) ?? perms[0];
  const [consent, setConsent] = useState({ deleteEmptyDirData: false, force: false });
  const [started, setStarted] = useState(false);
  const { data } = useSWR<DrainProgress, FetchError>(started ? url : null, (u: string) => fetchJson<DrainProgress>(u), {
    refreshInterval: (d) => (d && d.state !== 'running' ? 0 : 1_000),
  });
  const s = useConfirmedAction(async () => {
    await fetchJson(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...consent, timeoutSeconds: 120 }) });
    setStarted(true);
  });
  const box = (key: keyof typeof consent, label: string) => (
    <label className="block text-sm">
      <input type="checkbox" checked={consent[key]} onChange={(e) => setConsent({ ...consent, [key]: e.target.checked })} /> {label}
    </label>
  );
  return (
    <>
      <GuardedButton permission={permission} danger onClick={() => s.setOpen(true)} aria-label={`Drain node ${name}`}>Drain</GuardedButton>
      <ConfirmDialog open={s.open} title={`Drain node ${name}?`} confirmLabel={s.busy ? 'Starting…' : 'Drain'} danger onConfirm={() => void s.confirm()} onCancel={() => s.setOpen(false)}>
        <p>The node is cordoned, then its pods are evicted (DaemonSet pods stay). PodDisruptionBudgets are respected: a blocked eviction is retried for up to 2 minutes.</p>
        {box('deleteEmptyDirData', 'Also evict pods with emptyDir volumes (their local data is lost)')}
        {box('force', 'Also evict pods no controller manages (they do not come back)')}
      </ConfirmDialog>
      {s.error && <div className="basis-full"><ErrorPanel error={s.error} action={`cannot drain node ${name}`} /></div>}
      {data && (
        <section aria-label="Drain progress" data-testid="drain-progress" data-state={data.state} className="basis-full space-y-1 text-xs">
          <p><StatusBadge health={data.state === 'done' ? 'ok' : data.state === 'running' ? 'progress' : 'error'}>{data.state}</StatusBadge> {data.message}</p>
          <ul>
            {data.pods.map((p) => (
              <li key={`${p.namespace}/${p.name}`} data-pod={p.name} data-state={p.state} className="flex gap-2">
                <span className="font-mono">{p.namespace}/{p.name}</span>
                <StatusBadge health={HEALTH[p.state]}>{p.state}</StatusBadge>
                {p.message && <span className="text-zinc-500">{p.message}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
