'use client';

import { useEffect, useState } from 'react';
import { isApiErrorBody, type ApiErrorBody } from '@/lib/k8s/errors';

// Reads a log answer (text/plain, streamed while following) line by line. Lines are handed to React in batches
// (every 100 ms) and only the last MAX_LINES are kept. Changing the URL or unmounting aborts the request, which
// closes the upstream pods/log stream on the server.

export const MAX_LINES = 20_000;
export type StreamState = 'idle' | 'loading' | 'following' | 'done' | 'error';

async function errorOf(res: Response): Promise<ApiErrorBody> {
  const data = (await res.json().catch(() => undefined)) as { error?: unknown } | undefined;
  return isApiErrorBody(data?.error) ? data.error : { status: res.status, reason: 'Unknown', message: `The console answered ${res.status}.` };
}

export function useLogStream(url: string | null, follow: boolean) {
  const [lines, setLines] = useState<string[]>([]);
  const [state, setState] = useState<StreamState>('idle');
  const [error, setError] = useState<ApiErrorBody>();
  // A new stream starts empty: reset during render when the request changes, not in the effect.
  const [streamFor, setStreamFor] = useState<string | null>(null);
  const key = url && `${follow}|${url}`;
  if (key !== streamFor) {
    setStreamFor(key);
    if (url) {
      setLines([]);
      setError(undefined);
      setState('loading');
    }
  }

  useEffect(() => {
    if (!url) return;
    const ac = new AbortController();
    let batch: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      if (!batch.length) return;
      const add = batch;
      batch = [];
      setLines((prev) => {
        const next = prev.concat(add);
        return next.length > MAX_LINES ? next.slice(next.length - MAX_LINES) : next;
      });
    };
    (async () => {
      const res = await fetch(url, { signal: ac.signal, cache: 'no-store' });
      if (!res.ok) {
        const body = await errorOf(res);
        if (res.status === 401) window.location.assign(new URL(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, window.location.href));
        setError(body);
        setState('error');
        return;
      }
      if (follow) setState('following');
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let rest = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parts = (rest + value).split('\n');
        rest = parts.pop() ?? '';
        batch.push(...parts);
        timer ??= setTimeout(flush, 100);
      }
      if (rest) batch.push(rest);
      flush();
      setState('done');
    })().catch(() => {
      if (ac.signal.aborted) return;
      flush();
      setError({ status: 0, reason: 'ConsoleUnreachable', message: 'The log stream broke off.' });
      setState('error');
    });
    return () => {
      ac.abort();
      if (timer) clearTimeout(timer);
    };
  }, [url, follow]);

  return { lines, state, error };
}
