import { isApiErrorBody, type ApiErrorBody } from '@/lib/k8s/errors';
import { SseParser, type ErrorData } from '@/lib/k8s/watch/wire';
import type { LiveStore } from './live-store';

// Keeps one live-list stream open: fetch + SSE parsing (so HTTP errors keep their bodies), reconnecting with
// exponential backoff and jitter, resuming from the last resourceVersion the rows are complete up to.

const BACKOFF_MS = [500, 1_000, 2_000, 4_000, 8_000, 15_000];
const UNREACHABLE: ApiErrorBody = { status: 0, reason: 'ConsoleUnreachable', message: 'The console server cannot be reached.' };

class Final extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
}

function toLogin(body: ApiErrorBody): void {
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  window.location.assign(body.reason === 'SessionExpired' ? `/login?reason=expired&next=${next}` : `/login?next=${next}`);
}

async function errorOf(res: Response): Promise<ApiErrorBody> {
  const data: unknown = await res.json().catch(() => undefined);
  const inner = (data as { error?: unknown } | undefined)?.error;
  return isApiErrorBody(inner) ? inner : { status: res.status, reason: 'Unknown', message: `The console answered ${res.status}.` };
}

async function readStream(url: string, store: LiveStore, signal: AbortSignal): Promise<void> {
  const resume = store.resumeFrom ? `${url.includes('?') ? '&' : '?'}resourceVersion=${encodeURIComponent(store.resumeFrom)}` : '';
  const res = await fetch(url + resume, { signal, cache: 'no-store', headers: { Accept: 'text/event-stream' } });
  if (!res.ok || !res.body) {
    const body = await errorOf(res);
    if (res.status >= 500 || res.status === 429) throw new Error(body.message);
    throw new Final(body);
  }
  store.connected();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    for (const frame of parser.push(value)) {
      if (frame.event !== 'error') {
        store.apply(frame);
        continue;
      }
      const { error, retry } = JSON.parse(frame.data) as ErrorData;
      if (!retry) throw new Final(error);
      store.setStatus('reconnecting', error);
    }
  }
}

/** Opens the stream and keeps it open until the returned function is called. */
export function openLiveList(url: string, store: LiveStore): () => void {
  const stop = new AbortController();
  void (async () => {
    for (let attempt = 0; !stop.signal.aborted; attempt++) {
      store.setStatus(attempt === 0 ? 'connecting' : 'reconnecting', store.currentError);
      const opened = Date.now();
      try {
        await readStream(url, store, stop.signal);
      } catch (e) {
        if (stop.signal.aborted) return;
        if (e instanceof Final) {
          if (e.body.status === 401) toLogin(e.body);
          store.fail(e.body);
          return;
        }
        if (e instanceof TypeError) store.setStatus('reconnecting', UNREACHABLE);
      }
      if (stop.signal.aborted) return;
      // A stream that stayed up a while starts the backoff over.
      if (Date.now() - opened > 30_000) attempt = 0;
      const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
      await new Promise((r) => setTimeout(r, base / 2 + Math.random() * base));
    }
  })();
  return () => stop.abort();
}
