'use client';

import { useEffect, useState } from 'react';
import { useSWRConfig } from 'swr';
import { fetchJson, FetchError } from '@/lib/client/fetch-json';
import { DEFAULT_MAX_REPLICAS, type HpaInfo, type ScaleInfo, type ScaleResult } from '@/lib/k8s/actions/scale-input';
import { badRequest, type ApiErrorBody } from '@/lib/k8s/errors';
import type { KindName } from '@/lib/k8s/resources';
import { checkReplicas } from '@/lib/k8s/validate';
import { isListKeyOf, objectUrl, withRequestedReplicas } from './list-cache';

// Scaling one object: load the current scale (max, HPA), ask before overriding an HPA, show the request at once in
// every table, then follow the live rows until the rollout settles. A refusal puts the real value back.

export interface Pending { target: number; from: number; sent: boolean }
export interface Live { replicas: number; settled: boolean }
export type Outcome = 'sent' | 'prompt' | 'failed';

function bodyOf(e: unknown): ApiErrorBody {
  return e instanceof FetchError ? e.body : { status: 0, reason: 'Unknown', message: 'The request failed.' };
}

export function useScale(kindName: KindName, namespace: string | undefined, name: string, live: Live) {
  const { mutate } = useSWRConfig();
  const url = objectUrl(kindName, namespace, name, 'scale');
  const [pending, setPending] = useState<Pending>();
  const [error, setError] = useState<ApiErrorBody>();
  const [note, setNote] = useState<string>();
  const [hpaPrompt, setHpaPrompt] = useState<{ replicas: number; from: number; hpa: HpaInfo }>();
  const [max, setMax] = useState(DEFAULT_MAX_REPLICAS);
  const refreshLists = () => mutate(isListKeyOf(kindName));

  useEffect(() => {
    if (!pending?.sent) return;
    if (live.replicas !== pending.target) {
      setNote(`now ${live.replicas}: changed by someone else`);
      setPending(undefined);
    } else if (live.settled) {
      setNote(`scaled to ${pending.target}`);
      setPending(undefined);
    }
  }, [pending, live.replicas, live.settled]);

  useEffect(() => {
    if (!note) return;
    const t = setTimeout(() => setNote(undefined), 8_000);
    return () => clearTimeout(t);
  }, [note]);

  async function send(replicas: number, from: number): Promise<Outcome> {
    setHpaPrompt(undefined);
    setPending({ target: replicas, from, sent: false });
    await mutate(isListKeyOf(kindName), (d: unknown) => withRequestedReplicas(d, namespace, name, replicas), { revalidate: false });
    try {
      const res = await fetchJson<ScaleResult>(url, {
        method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ replicas, expectedReplicas: from }),
      });
      await refreshLists();
      setPending({ target: res.replicas, from, sent: true });
      return 'sent';
    } catch (e) {
      setPending(undefined);
      setError(bodyOf(e));
      await refreshLists();
      return 'failed';
    }
  }

  /** Scales to `replicas`; `from` is the value the user saw when they chose it. */
  async function request(replicas: number, from: number): Promise<Outcome> {
    setError(undefined);
    setNote(undefined);
    let info: ScaleInfo;
    try {
      info = await fetchJson<ScaleInfo>(url);
      setMax(info.max);
    } catch (e) {
      setError(bodyOf(e));
      return 'failed';
    }
    const v = checkReplicas(replicas, info.max);
    if (!v.ok) {
      setError(badRequest(v.error));
      return 'failed';
    }
    if (info.replicas !== from) {
      setError({ status: 409, reason: 'Conflict', message: `the replicas were changed to ${info.replicas} by someone else meanwhile; nothing was changed` });
      await refreshLists();
      return 'failed';
    }
    if (info.hpa) {
      setHpaPrompt({ replicas, from, hpa: info.hpa });
      return 'prompt';
    }
    return send(replicas, from);
  }

  return {
    pending, error, note, hpaPrompt, max, request,
    confirmHpa: () => (hpaPrompt ? send(hpaPrompt.replicas, hpaPrompt.from) : Promise.resolve<Outcome>('failed')),
    cancelHpa: () => setHpaPrompt(undefined),
    dismissError: () => setError(undefined),
  };
}
