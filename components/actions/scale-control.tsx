'use client';

import { useId, useState, type KeyboardEvent } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorPanel } from '@/components/ui/error-panel';
import { checksFor, type KindDescriptor } from '@/lib/k8s/actions/catalog';
import { checkReplicas } from '@/lib/k8s/validate';
import { usePermission } from './use-permission';
import { useScale } from './use-scale';

// Replicas with −/+ and a number field; "Scale" sends the change through the scale subresource. Used in list rows
// and in the detail header, for any kind with a scale subresource (`r`: a registry entry or a discovered kind).
// `exact` checks the permission on this object (rows check the namespace once).

interface Props {
  /** The console's URL name of the kind ("deployments", "widgets.example.com"). */
  kindName: string;
  r: Pick<KindDescriptor, 'kind' | 'group' | 'plural' | 'namespaced'>;
  namespace?: string;
  name: string;
  /** The live desired replicas (spec.replicas). */
  replicas: number;
  ready?: number;
  /** The rollout has settled (complete or failed). */
  settled: boolean;
  exact?: boolean;
}

const STEP = 'h-7 w-7 border-zinc-300 hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800';

export function ScaleControl({ kindName, r, namespace, name, replicas, ready, settled, exact }: Props) {
  const permission = usePermission(checksFor('scale', r, namespace, exact ? name : undefined)[0]);
  const [draft, setDraft] = useState<{ value: string; base: number }>();
  const s = useScale(kindName, namespace, name, { replicas, settled }, draft !== undefined);
  const [busy, setBusy] = useState(false);
  const whyId = useId();
  const blocked = !permission.allowed;
  const n = draft && draft.value.trim() !== '' ? Number(draft.value) : Number.NaN;
  const invalid = draft ? checkReplicas(n, s.max) : undefined;
  const changed = !!draft && invalid?.ok === true && n !== replicas;
  const what = `${r.kind.toLowerCase()} ${namespace ? `${namespace}/` : ''}${name}`;

  // The value a new change starts from: the user's own change still on its way counts, not the row it has not reached.
  const shown = s.pending && !s.pending.seen ? s.pending.target : replicas;
  const edit = (value: string) => setDraft((d) => ({ value, base: d?.base ?? shown }));
  const step = (delta: number) => {
    const current = draft && invalid?.ok ? n : replicas;
    edit(String(Math.min(s.max, Math.max(0, current + delta))));
  };
  const finish = async (outcome: Promise<'sent' | 'prompt' | 'failed'>) => {
    setBusy(true);
    const result = await outcome;
    setBusy(false);
    if (result !== 'prompt') setDraft(undefined);
  };
  const apply = () => {
    if (draft && changed) void finish(s.request(n, draft.base));
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      // Otherwise the same keystroke would press the HPA dialog's focused button as soon as it opens.
      e.preventDefault();
      apply();
    }
    if (e.key === 'Escape') setDraft(undefined);
  };
  const status = s.pending
    ? `scaling to ${s.pending.target}…${ready !== undefined ? ` ${ready}/${s.pending.target} ready` : ''}`
    : draft && draft.base !== replicas ? `now ${replicas}: changed by someone else` : s.note;

  return (
    <div className="relative inline-flex items-center gap-2" data-testid="scale-control" data-name={name}>
      <fieldset disabled={blocked || busy} title={blocked ? permission.reason : `Replicas of ${what}`} aria-describedby={blocked ? whyId : undefined} className="inline-flex items-center">
        <legend className="sr-only">Scale {what}</legend>
        <button type="button" aria-label={`Fewer replicas of ${name}`} title={blocked ? permission.reason : 'One fewer'} onClick={() => step(-1)} className={`${STEP} rounded-l border`}>−</button>
        <input
          type="text"
          inputMode="numeric"
          aria-label={`Replicas of ${name}`}
          aria-invalid={invalid && !invalid.ok ? true : undefined}
          title={blocked ? permission.reason : undefined}
          value={draft?.value ?? String(shown)}
          onChange={(e) => edit(e.target.value)}
          onKeyDown={onKey}
          className={`h-7 w-12 border-y bg-white text-center tabular-nums disabled:opacity-50 dark:bg-zinc-900 ${invalid && !invalid.ok ? 'border-red-500' : 'border-zinc-300 dark:border-zinc-700'}`}
        />
        <button type="button" aria-label={`More replicas of ${name}`} title={blocked ? permission.reason : 'One more'} onClick={() => step(1)} className={`${STEP} rounded-r border`}>+</button>
        {draft && (
          <button type="button" disabled={!changed} onClick={apply} aria-label={changed ? `Scale ${name} to ${n}` : 'Scale'} className="ml-1 h-7 rounded bg-sky-700 px-2 text-xs font-medium text-white hover:bg-sky-800 disabled:opacity-50 dark:bg-sky-600">
            Scale
          </button>
        )}
      </fieldset>
      {blocked && permission.reason && <span id={whyId} className="sr-only">{permission.reason}</span>}
      {invalid && !invalid.ok && <span role="alert" className="text-xs text-red-700 dark:text-red-400">{invalid.error}</span>}
      <span role="status" aria-live="polite" data-testid="scale-status" className="text-xs text-zinc-500">{status}</span>
      {s.error && (
        <div className="absolute top-full left-0 z-30 mt-1 w-[28rem] space-y-1 whitespace-normal shadow-lg" data-testid="scale-error">
          <ErrorPanel error={s.error} action={`cannot scale ${what}`} />
          <button type="button" onClick={s.dismissError} className="rounded border border-zinc-300 bg-white px-2 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900">Dismiss</button>
        </div>
      )}
      <ConfirmDialog
        open={!!s.hpaPrompt}
        title={`Scale ${what} to ${s.hpaPrompt?.replicas}?`}
        confirmLabel="Scale anyway"
        onConfirm={() => void finish(s.confirmHpa())}
        onCancel={() => {
          s.cancelHpa();
          setDraft(undefined);
        }}
      >
        <p className="whitespace-normal">
          HorizontalPodAutoscaler <code className="font-mono">{s.hpaPrompt?.hpa.name}</code> targets this {r.kind} (min{' '}
          {s.hpaPrompt?.hpa.minReplicas}, max {s.hpaPrompt?.hpa.maxReplicas}). It will override a manual change of the replicas.
        </p>
      </ConfirmDialog>
    </div>
  );
}
