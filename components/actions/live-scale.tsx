'use client';

import useSWR from 'swr';
import { REFRESH_MS } from '@/components/resources/use-resource-list';
import { fetchJson, type FetchError } from '@/lib/client/fetch-json';
import type { KindDescriptor } from '@/lib/k8s/actions/catalog';
import type { ScaleInfo } from '@/lib/k8s/actions/scale-input';
import { ScaleControl } from './scale-control';
import { objectUrl } from './urls';

// The scale control of a kind the console has no rows for (a custom resource with a scale subresource): its replicas
// come from the scale subresource itself, read as often as the detail page refreshes. That is generic — the Scale
// object holds spec and status replicas wherever the CRD keeps them (specReplicasPath, statusReplicasPath) — and
// follows the change until the kind's controller reports the new count.

interface Props { kindName: string; r: Pick<KindDescriptor, 'kind' | 'group' | 'plural' | 'namespaced'>; namespace?: string; name: string }

export function LiveScale({ kindName, r, namespace, name }: Props) {
  const { data, error } = useSWR<ScaleInfo, FetchError>(objectUrl(kindName, namespace, name, 'scale'), (u: string) => fetchJson<ScaleInfo>(u), {
    refreshInterval: REFRESH_MS, keepPreviousData: true, shouldRetryOnError: false,
  });
  if (!data) {
    // Without the Scale object there is no value to start from; say why instead of showing a control that cannot work.
    return error ? <span role="note" data-testid="scale-unavailable" className="text-xs text-zinc-500">Replicas unavailable: {error.body.message}</span> : null;
  }
  return (
    <ScaleControl
      kindName={kindName} r={r} namespace={namespace} name={name} exact
      replicas={data.replicas} ready={data.currentReplicas} settled={data.currentReplicas === data.replicas}
    />
  );
}
