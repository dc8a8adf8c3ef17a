'use client';

import { useCallback, useState } from 'react';
import { fetchJson, FetchError } from '@/lib/client/fetch-json';
import type { ApplyMode, ApplyResponse } from '@/lib/k8s/apply/types';
import type { ApiErrorBody } from '@/lib/k8s/errors';

// The apply page's state: the YAML, the last preview (and what it was a preview of), the last apply/delete result.
// Apply and delete are only offered for exactly the text and namespace that were previewed.

export interface RunOptions { force?: boolean; onlyValid?: boolean }

export function useApply(namespace: string | undefined, initial = '') {
  const [text, setText] = useState(initial);
  const [preview, setPreview] = useState<{ key: string; response: ApplyResponse }>();
  const [result, setResult] = useState<ApplyResponse>();
  const [error, setError] = useState<{ mode: ApplyMode; body: ApiErrorBody }>();
  const [busy, setBusy] = useState<ApplyMode>();
  const key = `${namespace ?? ''}\n${text}`;

  const run = useCallback(
    async (mode: ApplyMode, opts: RunOptions = {}) => {
      setBusy(mode);
      setError(undefined);
      if (mode === 'preview') setResult(undefined);
      try {
        const response = await fetchJson<ApplyResponse>('/api/apply', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ yaml: text, namespace, mode, ...opts }),
        });
        if (mode === 'preview') setPreview({ key, response });
        else {
          setResult(response);
          setPreview(undefined); // what was previewed has changed: preview again before the next write
        }
      } catch (e) {
        const body = e instanceof FetchError ? e.body : { status: 0, reason: 'ConsoleUnreachable', message: 'The request failed.' };
        setError({ mode, body });
        if (mode === 'preview') setPreview(undefined);
      } finally {
        setBusy(undefined);
      }
    },
    [key, namespace, text],
  );

  return {
    text,
    setText,
    namespace: namespace ?? 'default',
    preview: preview?.response,
    /** The preview describes exactly the current text and namespace. */
    previewCurrent: !!preview && preview.key === key,
    result,
    error,
    busy,
    run,
  };
}
