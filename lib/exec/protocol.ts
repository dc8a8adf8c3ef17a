// The browser ↔ console half of a shell, shared by the terminal (components/terminal) and the server (lib/exec).
// Client-safe: no server imports.
//
// URL: /api/exec?namespace=&pod=&container=&command=&csrf=  (command optional: empty means "bash, else sh").
// The CSRF token travels in the query: a WebSocket cannot carry custom headers, and the query never holds the
// API token. Frames from the browser are binary, first byte the channel as in Kubernetes' channel protocol:
// 0 = stdin bytes, 4 = resize JSON {"width","height"}. Frames to the browser: binary = terminal output; text =
// one JSON ShellEvent.

export const EXEC_PATH = '/api/exec';
export const STDIN = 0;
export const RESIZE = 4;
/** The largest frame either side sends: a paste is split by the browser into frames of this size. */
export const MAX_FRAME = 16 * 1024;

export type ShellEnd = 'exited' | 'closed-by-user' | 'idle-timeout' | 'session-ended' | 'failed' | 'server-stopping';

export type ShellEvent =
  | { type: 'open'; shell: string; protocol: string }
  | { type: 'exit'; code: number | null; message?: string }
  | { type: 'end'; how: ShellEnd; message: string };

export interface ExecTarget { namespace: string; pod: string; container: string; command: string[] }

export function execUrl(t: Omit<ExecTarget, 'command'> & { command?: string }, csrf: string): string {
  const q = new URLSearchParams({ namespace: t.namespace, pod: t.pod, container: t.container, csrf });
  if (t.command) q.set('command', t.command);
  return `${EXEC_PATH}?${q}`;
}

export function frame(channel: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 1);
  out[0] = channel;
  out.set(data, 1);
  return out;
}

export function resizeFrame(width: number, height: number): Uint8Array {
  return frame(RESIZE, new TextEncoder().encode(JSON.stringify({ width, height })));
}

/** A resize the server forwards: whole numbers in a sane range, anything else ignored. */
export function parseResize(data: Uint8Array): { width: number; height: number } | undefined {
  try {
    const v = JSON.parse(new TextDecoder().decode(data)) as { width?: unknown; height?: unknown };
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 1000;
    return ok(v.width) && ok(v.height) ? { width: v.width, height: v.height } : undefined;
  } catch {
    return undefined;
  }
}

export function parseShellEvent(text: string): ShellEvent | undefined {
  try {
    const v = JSON.parse(text) as ShellEvent;
    return v && typeof v === 'object' && typeof v.type === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}
