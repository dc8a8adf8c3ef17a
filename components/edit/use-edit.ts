'use client';

import { useEffect, useState } from 'react';
import { objectUrl } from '@/components/actions/urls';
import { fetchJson, FetchError } from '@/lib/client/fetch-json';
import type { ApiErrorBody } from '@/lib/k8s/errors';

// The edit page's state: the text as opened (original + resourceVersion), the user's text, and the last answer.

interface Editable { yaml: string; resourceVersion: string }
export interface EditAnswer { outcome: 'unchanged' | 'saved' | 'preview'; diff?: string; warnings: string[] }
export interface Conflict { meanwhile?: string; latest: Editable & { rebased: string } }

const failed = (e: unknown): ApiErrorBody => (e instanceof FetchError ? e.body : { status: 0, reason: 'Unknown', message: 'The request failed.' });

export function useEdit(kindName: string, namespace: string | undefined, name: string) {
  const url = objectUrl(kindName, namespace, name, 'edit');
  const [base, setBase] = useState<Editable>();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<EditAnswer & { for: string }>();
  const [error, setError] = useState<ApiErrorBody>();
  const [conflict, setConflict] = useState<Conflict>();
  const [busy, setBusy] = useState(false);

  const open = (e: Editable, edited = e.yaml) => {
    setBase(e);
    setText(edited);
    setAnswer(undefined);
    setConflict(undefined);
    setError(undefined);
  };
  useEffect(() => {
    fetchJson<Editable>(url).then((e) => open(e), (e) => setError(failed(e)));
  }, [url]);

  async function submit(dryRun: boolean) {
    if (!base || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const res = await fetchJson<EditAnswer & { resourceVersion?: string }>(url, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ original: base.yaml, edited: text, resourceVersion: base.resourceVersion, dryRun }),
      });
      setAnswer({ ...res, for: text });
    } catch (e) {
      setError(failed(e));
      const c = e instanceof FetchError ? (e.data as { conflict?: Conflict } | undefined)?.conflict : undefined;
      if (c) setConflict(c);
    } finally {
      setBusy(false);
    }
  }

  return {
    loaded: !!base, text, setText, answer, error, conflict, busy,
    changed: !!base && text !== base.yaml,
    preview: () => submit(true),
    save: () => submit(false),
    /** After a conflict: start again from the latest object, with or without the user's edits replayed on it. */
    reload: (keepEdits: boolean) => conflict && open(conflict.latest, keepEdits ? conflict.latest.rebased : conflict.latest.yaml),
  };
}
