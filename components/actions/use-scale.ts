'use client';

import { useEffect, useState } from 'react';
import useSWR from 'swr';
import { fetchJson, FetchError } from '@/lib/client/fetch-json';
import { DEFAULT_MAX_REPLICAS, type HpaInfo, type ScaleInfo, type ScaleResult } from '@/lib/k8s/actions/scale-input';
import { badRequest, type ApiErrorBody } from '@/lib/k8s/errors';
import { checkReplicas } from '@/lib/k8s/validate';
import { objectUrl } from './urls';

// Scaling one object. The current scale (max, HPA) is loaded as soon as the user starts editing; on apply the
// request shows at once ("scaling to 5…"), the live rows (a watch) then bring the new spec and the rollout's counts
// until it settles. A refusal (403, or 409 when someone else changed the replicas) leaves the real value showing.

/** `seen`: the live rows have shown the target, so any later difference is someone else's change. */
export interface Pending { target: number; from: number; sent: boolean; seen: boolean }
export interface Live { replicas: number; settled: boolean }
export type Outcome = 'sent' | 'prompt' | 'failed';

function bodyOf(e: unknown): ApiErrorBody {
  return e instanceof FetchError ? e.body : { status: 0, reason: 'Unknown', message: 'The request failed.' };
}

export function useScale(kindName: string, namespace: string | undefined, name: string, live: Live, editing: boolean) {
  const url = objectUrl(kindName, namespace, name, 'scale');
  const { data: loaded } = useSWR<ScaleInfo>(editing ? url : null, (u: string) => fetchJson<ScaleInfo>(u), { revalidateOnFocus: false, dedupingInterval: 5_000 });
  const [pending, setPending] = useState<Pending>();
  const [error, setError] = useState<ApiErrorBody>();
  const [note, setNote] = useState<string>();
  const [hpaPrompt, setHpaPrompt] = useState<{ replicas: number; from: number; hpa: HpaInfo }>();

  // Follows the live rows during render (React's "adjust state when props change"): each branch changes `pending`,
  // so the next render does not take it again.
  if (pending?.sent) {
    const { target, from, seen } = pending;
    if (!seen && live.replicas === target) setPending({ ...pending, seen: true });
    else if ((seen && live.replicas !== target) || (!seen && live.replicas !== from)) {
      setNote(`now ${live.replicas}: changed by someone else`);
      setPending(undefined);
    } else if (seen && live.settled) {
      setNote(`scaled to ${target}`);
      setPending(undefined);
    }
  }

  useEffect(() => {
    if (!note) return;
    const t = setTimeout(() => setNote(undefined), 8_000);
    return () => clearTimeout(t);
  }, [note]);

  async function send(replicas: number, from: number): Promise<Outcome> {
    setHpaPrompt(undefined);
    setPending({ target: replicas, from, sent: false, seen: false });
    try {
      const res = await fetchJson<ScaleResult>(url, {
        method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ replicas, expectedReplicas: from }),
      });
      setPending({ target: res.replicas, from: res.previous, sent: true, seen: false });
      return 'sent';
    } catch (e) {
      setPending(undefined);
      setError(bodyOf(e));
      return 'failed';
    }
  }

  /** Scales to `replicas`; `from` is the value the user saw when they chose it (the server refuses if it moved). */
  async function request(replicas: number, from: number): Promise<Outcome> {
    setError(undefined);
    setNote(undefined);
    let info: ScaleInfo;
    try {
      info = loaded ?? (await fetchJson<ScaleInfo>(url));
    } catch (e) {
      setError(bodyOf(e));
      return 'failed';
    }
    const v = checkReplicas(replicas, info.max);
    if (!v.ok) {
      setError(badRequest(v.error));
      return 'failed';
    }
    if (info.hpa) {
      setHpaPrompt({ replicas, from, hpa: info.hpa });
      return 'prompt';
    }
    return send(replicas, from);
  }

  return {
    pending, error, note, hpaPrompt, max: loaded?.max ?? DEFAULT_MAX_REPLICAS, request,
    confirmHpa: () => (hpaPrompt ? send(hpaPrompt.replicas, hpaPrompt.from) : Promise.resolve<Outcome>('failed')),
    cancelHpa: () => setHpaPrompt(undefined),
    dismissError: () => setError(undefined),
  };
}
