'use client';

import { useState } from 'react';
import type { KindDescriptor } from '@/lib/k8s/actions/catalog';
import { BUTTON } from './guarded-button';
import { LiveScale } from './live-scale';

// The scale control in a row of a list the API server's Table renders (StatefulSets, custom resources with a scale
// subresource): a Table row carries no spec.replicas, so the control reads the row's /scale — only once the user
// opens it, so a long list does not poll every object.

interface Props { kindName: string; r: Pick<KindDescriptor, 'kind' | 'group' | 'plural' | 'namespaced'>; namespace?: string; name: string }

export function RowScale(props: Props) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={`Scale ${props.name}…`} className={`${BUTTON} border-zinc-300 py-0.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800`}>
        Scale…
      </button>
    );
  }
  return (
    <span className="inline-flex items-center gap-1">
      <LiveScale {...props} />
      <button type="button" onClick={() => setOpen(false)} aria-label={`Close the scale control of ${props.name}`} className="px-1 text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100">×</button>
    </span>
  );
}
