import { isApiErrorBody, type ApiErrorBody } from '@/lib/k8s/errors';
import { CONTROL_SUB, MuxParser, type Control } from '@/lib/k8s/watch/mux-wire';

// Keeps the browser's one live connection open (GET /api/live, framed by mux-wire.ts): fetch, so HTTP errors keep
// their bodies; reconnecting with exponential backoff and jitter. Only the leader tab runs this (live-leader.ts).
// A refusal that waiting will not fix (401, 403) stops it until `kick()` (a tab needs it again, e.g. after a new
// sign-in).

const BACKOFF_MS = [500, 1_000, 2_000, 4_000, 8_000, 15_000];
export const UNREACHABLE: ApiErrorBody = { status: 0, reason: 'ConsoleUnreachable', message: 'The console server cannot be reached.' };

export interface StreamHandlers {
  /** The connection is open; POSTs name it. */
  hello(conn: string): void;
  frame(sub: string, payload: Uint8Array): void;
  /** A log subscription ended (lists end with their own `error` event). */
  end(sub: string, error?: ApiErrorBody): void;
  /** The connection is gone; `final`: it is not retried until kicked. */
  down(error: ApiErrorBody | undefined, final: boolean): void;
}

export interface LiveStream { kick(): void; stop(): void }

async function errorOf(res: Response): Promise<ApiErrorBody> {
  const data: unknown = await res.json().catch(() => undefined);
  const inner = (data as { error?: unknown } | undefined)?.error;
  return isApiErrorBody(inner) ? inner : { status: res.status, reason: 'Unknown', message: `The console answered ${res.status}.` };
}

/** Reads one connection until it ends; resolves with the reason to give up, if any. */
async function readOnce(h: StreamHandlers, signal: AbortSignal): Promise<{ error?: ApiErrorBody; final: boolean }> {
  const res = await fetch('/api/live', { signal, cache: 'no-store' });
  if (!res.ok || !res.body) {
    const error = await errorOf(res);
    return { error, final: res.status === 401 || res.status === 403 };
  }
  const reader = res.body.getReader();
  const parser = new MuxParser();
  const text = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { final: false };
    for (const f of parser.push(value)) {
      if (f.sub !== CONTROL_SUB) {
        h.frame(f.sub, f.payload);
        continue;
      }
      const c = JSON.parse(text.decode(f.payload)) as Control;
      if (c.t === 'hello') h.hello(c.conn);
      else if (c.t === 'close') return { error: c.error, final: !c.retry };
      else if (c.t === 'end') h.end(c.sub, c.error);
    }
  }
}

export function openLiveStream(h: StreamHandlers): LiveStream {
  const stop = new AbortController();
  let wakeUp: (() => void) | undefined;
  const sleep = (ms: number | undefined) => new Promise<void>((r) => {
    const t = ms === undefined ? undefined : setTimeout(r, ms);
    wakeUp = () => {
      if (t) clearTimeout(t);
      r();
    };
  });
  void (async () => {
    for (let attempt = 0; !stop.signal.aborted; attempt++) {
      const opened = Date.now();
      let end: { error?: ApiErrorBody; final: boolean };
      try {
        end = await readOnce(h, stop.signal);
      } catch {
        end = { error: UNREACHABLE, final: false };
      }
      if (stop.signal.aborted) return;
      h.down(end.error, end.final);
      // A connection that stayed up a while starts the backoff over.
      if (Date.now() - opened > 30_000) attempt = 0;
      const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
      await sleep(end.final ? undefined : base / 2 + Math.random() * base);
      wakeUp = undefined;
    }
  })();
  return { kick: () => wakeUp?.(), stop: () => { stop.abort(); wakeUp?.(); } };
}
