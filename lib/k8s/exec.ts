import 'server-only';
import { PassThrough, Writable } from 'node:stream';
import { Exec, type V1Status } from '@kubernetes/client-node';
import type WebSocket from 'ws';
import { kubeRequest, userKubeConfig } from './client';
import { ApiError, fromTransport } from './errors';

// A shell in a container, opened with the signed-in user's token through client-node's Exec (WebSocket to the API
// server, TLS verified). client-node 1.4 offers `v5.channel.k8s.io` first, then v4 (and older): the API server
// picks the newest it speaks, so clusters before 1.30 get v4. Channels: 0 stdin, 1 stdout, 3 status, 4 resize
// (a TTY merges stderr into stdout, and the API server refuses stderr with a TTY).

export interface ExecIo {
  /** Terminal output to the browser. */
  output(chunk: Buffer): void;
  /** The command's end, from the status channel: exit code (0 on Success) and the API server's message. */
  status(code: number | null, message?: string): void;
}

export interface OpenExec {
  protocol: string;
  write(data: Buffer): void;
  resize(width: number, height: number): void;
  close(): void;
  onClose(listener: () => void): void;
}

interface PodBody { spec?: { containers?: { name: string }[] }; status?: { phase?: string; containerStatuses?: { name: string; state?: { running?: object; waiting?: { reason?: string }; terminated?: { reason?: string; exitCode?: number } } }[] } }

/** The container exists and runs; otherwise an ApiError with a message the terminal shows as is. */
export async function checkContainer(token: string, namespace: string, pod: string, container: string): Promise<void> {
  const res = await kubeRequest<PodBody>(token, { path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}` });
  if (!res.body.spec?.containers?.some((c) => c.name === container)) {
    throw new ApiError({ status: 404, reason: 'NotFound', message: `pod ${namespace}/${pod} has no container "${container}"` });
  }
  const state = res.body.status?.containerStatuses?.find((c) => c.name === container)?.state;
  if (state?.running) return;
  const why = state?.terminated ? `has exited (${state.terminated.reason ?? `exit code ${state.terminated.exitCode}`})` : state?.waiting ? `is not running (${state.waiting.reason ?? 'waiting'})` : `is not running (pod ${res.body.status?.phase ?? 'state unknown'})`;
  throw new ApiError({ status: 409, reason: 'ContainerNotRunning', message: `container "${container}" of pod ${namespace}/${pod} ${why}` });
}

function exitCode(s: V1Status): number | null {
  if (s.status === 'Success') return 0;
  const cause = s.details?.causes?.find((c) => c.reason === 'ExitCode');
  return cause?.message && /^\d+$/.test(cause.message) ? Number(cause.message) : null;
}

/** Terminal output as client-node wants it: a Writable with a size it watches for resizes (its TerminalSizeQueue). */
class TerminalOutput extends Writable {
  rows: number;
  columns: number;
  constructor(private readonly sink: (chunk: Buffer) => void, size: { width: number; height: number }) {
    super();
    this.rows = size.height;
    this.columns = size.width;
  }
  _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.sink(chunk);
    done();
  }
}

export async function openExec(token: string, t: { namespace: string; pod: string; container: string; command: string[] }, size: { width: number; height: number }, io: ExecIo): Promise<OpenExec> {
  const stdin = new PassThrough();
  const stdout = new TerminalOutput(io.output, size);
  const exec = new Exec(userKubeConfig(token));
  let ws: WebSocket;
  try {
    ws = (await exec.exec(t.namespace, t.pod, t.container, t.command, stdout, null, stdin, true, (s) => io.status(exitCode(s), s.message))) as unknown as WebSocket;
  } catch (e) {
    throw new ApiError(upgradeFailure(e));
  }
  return {
    protocol: ws.protocol,
    write: (data) => stdin.write(data),
    resize: (width, height) => {
      stdout.columns = width;
      stdout.rows = height;
      stdout.emit('resize');
    },
    close: () => ws.close(),
    onClose: (listener) => ws.on('close', listener),
  };
}

/** ws reports a refused upgrade as "Unexpected server response: 403" (client-node rejects with ws's ErrorEvent,
 *  whose `error` is the Error); the status is all it keeps. */
function upgradeFailure(e: unknown) {
  const err = typeof e === 'object' && e !== null && 'error' in e ? (e as { error: unknown }).error : e;
  const m = err instanceof Error ? /Unexpected server response: (\d{3})/.exec(err.message) : null;
  if (!m) return fromTransport(err);
  const status = Number(m[1]);
  return { status, reason: status === 403 ? 'Forbidden' : status === 404 ? 'NotFound' : 'ExecFailed', message: `the API server refused the exec (HTTP ${status})` };
}
