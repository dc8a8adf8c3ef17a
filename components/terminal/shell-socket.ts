'use client';

import { execUrl, frame, MAX_FRAME, parseShellEvent, resizeFrame, STDIN, type ExecTarget, type ShellEvent } from '@/lib/exec/protocol';

// The browser end of a shell: a WebSocket to the console's own server (same origin, so the session cookie goes
// along and the server can check the Origin), with the session's CSRF token from GET /api/csrf in the query.

export type ShellState =
  | { state: 'connecting' }
  | { state: 'open'; shell: string; protocol: string }
  | { state: 'ended'; message: string; how: string };

export interface ShellHandlers {
  output(data: Uint8Array): void;
  state(s: ShellState): void;
}

export interface ShellSocket { input(text: string): void; resize(cols: number, rows: number): void; close(): void }

async function csrf(): Promise<string> {
  const res = await fetch('/api/csrf', { cache: 'no-store' });
  if (!res.ok) throw new Error(res.status === 401 ? 'Your session has ended: sign in again.' : `The console answered ${res.status}.`);
  return ((await res.json()) as { token: string }).token;
}

function onEvent(e: ShellEvent, h: ShellHandlers) {
  if (e.type === 'open') h.state({ state: 'open', shell: e.shell, protocol: e.protocol });
  else if (e.type === 'end') h.state({ state: 'ended', how: e.how, message: e.message });
}

export function openShell(target: Omit<ExecTarget, 'command'> & { command?: string }, size: { cols: number; rows: number }, h: ShellHandlers): ShellSocket {
  let ws: WebSocket | undefined;
  let closed = false;
  let ended = false;
  const encoder = new TextEncoder();
  const send = (data: Uint8Array) => {
    if (ws?.readyState === WebSocket.OPEN) ws.send(data);
  };
  const end = (message: string, how = 'failed') => {
    if (ended) return;
    ended = true;
    h.state({ state: 'ended', how, message });
  };
  h.state({ state: 'connecting' });
  csrf()
    .then((token) => {
      if (closed) return;
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      ws = new WebSocket(`${scheme}://${location.host}${execUrl(target, token)}`);
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => send(resizeFrame(size.cols, size.rows));
      ws.onmessage = (m) => {
        if (typeof m.data === 'string') {
          const e = parseShellEvent(m.data);
          if (e?.type === 'end') ended = true;
          if (e) onEvent(e, h);
        } else h.output(new Uint8Array(m.data as ArrayBuffer));
      };
      // A refused upgrade (401/403/429) reaches the page only as a close without a status: the reason is in the
      // access check the button shows, and in the audit trail.
      ws.onclose = (c) => end(c.code === 1006 ? 'The console refused or lost the connection (check that you are signed in and allowed to exec into this pod).' : 'Closed.', c.code === 1006 ? 'failed' : 'closed');
    })
    .catch((e: unknown) => end(e instanceof Error ? e.message : 'Could not open the shell.'));
  return {
    input(text) {
      const bytes = encoder.encode(text);
      for (let i = 0; i < bytes.length; i += MAX_FRAME) send(frame(STDIN, bytes.subarray(i, i + MAX_FRAME)));
    },
    resize(cols, rows) {
      size = { cols, rows };
      send(resizeFrame(cols, rows));
    },
    close() {
      closed = true;
      ws?.close(1000);
    },
  };
}
