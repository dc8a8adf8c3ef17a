'use client';

import { useState } from 'react';
import { FetchError } from '@/lib/client/fetch-json';
import type { ApiErrorBody } from '@/lib/k8s/errors';

/** The state of a confirmed action: its dialog, whether it is running, and the API error it ended with. */
export function useConfirmedAction(run: () => Promise<void>) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody>();

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await run();
    } catch (e) {
      setError(e instanceof FetchError ? e.body : { status: 0, reason: 'Unknown', message: 'The request failed.' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  }

  return { open, setOpen, busy, error, confirm };
}
