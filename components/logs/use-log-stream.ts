'use client';

import { useEffect, useState } from 'react';
import { liveHub, toLogin } from '@/components/resources/live-hub';
import { isApiErrorBody, type ApiErrorBody } from '@/lib/k8s/errors';
import type { LogSpec } from '@/lib/k8s/watch/mux-wire';

// Reads a log line by line: a one-shot answer (text/plain) with fetch, a followed log over the browser's one live
// connection (a `logs` subscription, so ten tabs following logs hold no connection each). Lines are handed to
// React in batches (every 100 ms) and only the last MAX_LINES are kept. Changing the URL or unmounting aborts the
// request or unsubscribes, which closes the upstream pods/log stream on the server.

export const MAX_LINES = 20_000;
export type StreamState = 'idle' | 'loading' | 'following' | 'done' | 'error';

async function errorOf(res: Response): Promise<ApiErrorBody> {
  const data = (await res.json().catch(() => undefined)) as { error?: unknown } | undefined;
  return isApiErrorBody(data?.error) ? data.error : { status: res.status, reason: 'Unknown', message: `The console answered ${res.status}.` };
}

/** The subscription for a followed log URL (`/api/k8s/{kind}/{namespace}/{name}/logs?…&follow=1`). */
function followSpec(url: string): LogSpec {
  const u = new URL(url, 'http://x');
  const [, , , kind, namespace, name] = u.pathname.split('/');
  const q = u.searchParams;
  const tail = q.get('tailLines');
  return {
    type: 'logs', kind, namespace, name: decodeURIComponent(name), container: q.get('container') || undefined,
    tailLines: tail ? Number(tail) : undefined, previous: q.get('previous') === '1', timestamps: q.get('timestamps') === '1',
  };
}

export function useLogStream(url: string | null, follow: boolean) {
  const [lines, setLines] = useState<string[]>([]);
  const [state, setState] = useState<StreamState>(url ? 'loading' : 'idle');
  const [error, setError] = useState<ApiErrorBody>();
  // A new log starts empty and loading: reset while rendering (not in the effect) when the request changes.
  const key = url && `${url}|${follow}`;
  const [shown, setShown] = useState(key);
  if (shown !== key) {
    setShown(key);
    setLines([]);
    setError(undefined);
    setState(key ? 'loading' : 'idle');
  }

  useEffect(() => {
    if (!url) return;
    const ac = new AbortController();
    let batch: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      if (!batch.length) return;
      const chunk = batch;
      batch = [];
      setLines((prev) => {
        const next = prev.concat(chunk);
        return next.length > MAX_LINES ? next.slice(next.length - MAX_LINES) : next;
      });
    };
    let rest = '';
    const add = (text: string) => {
      const parts = (rest + text).split('\n');
      rest = parts.pop() ?? '';
      batch.push(...parts);
      timer ??= setTimeout(flush, 100);
    };
    if (follow) {
      let text = new TextDecoder();
      const unsubscribe = liveHub().subscribe({
        spec: () => followSpec(url),
        // A new connection follows the log afresh from its tail: start the lines over.
        opened: () => {
          text = new TextDecoder();
          rest = '';
          batch = [];
          setLines([]);
          setState('loading');
        },
        accepted: () => setState('following'),
        data: (payload) => {
          setState('following');
          add(text.decode(payload, { stream: true }));
        },
        end: (err) => {
          if (rest) batch.push(rest);
          rest = '';
          flush();
          if (err?.status === 401) toLogin(err);
          setError(err);
          setState(err ? 'error' : 'done');
        },
        down: (err, final) => {
          if (!final) return;
          setError(err);
          setState('error');
        },
      });
      ac.signal.addEventListener('abort', unsubscribe, { once: true });
    } else {
      (async () => {
        const res = await fetch(url, { signal: ac.signal, cache: 'no-store' });
        if (!res.ok) {
          const body = await errorOf(res);
          if (res.status === 401) toLogin(body);
          setError(body);
          setState('error');
          return;
        }
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          add(value);
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
    }
    return () => {
      ac.abort();
      if (timer) clearTimeout(timer);
    };
  }, [url, follow]);

  return { lines, state, error };
}
