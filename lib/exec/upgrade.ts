import 'server-only';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { canI } from '@/lib/k8s/access';
import { denialReason } from '@/lib/k8s/actions/permissions';
import { ApiError } from '@/lib/k8s/errors';
import { clientIp } from '@/lib/security/transport';
import { auditExec, newRequestId, type ExecAuditContext } from './audit';
import { guardUpgrade, headerSource, type Refusal } from './guard';
import { MAX_FRAME } from './protocol';
import { capRefusal } from './registry';
import { execLimits } from './request';
import { runShell } from './shell';

// The exec upgrade, called by the console's own server (server/https-server.mjs) for /api/exec only. In order:
// session, Origin, target, CSRF token (lib/exec/guard.ts), the shell caps — all without a word to the API server —
// then a SelfSubjectAccessReview for `create pods/exec` on that pod with the user's token. Any refusal is a plain
// HTTP answer on the socket and one audit line; only then is the WebSocket accepted (lib/exec/shell.ts).

export const UPGRADE_HANDLER = Symbol.for('wheelhouse.upgrade');

// No compression (a terminal's frames are small; deflate state per socket costs memory) and a small frame cap.
const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME + 1, perMessageDeflate: false });

function refuse(socket: Duplex, r: Refusal, requestId?: string): void {
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify({ error: r });
  socket.end(
    `HTTP/1.1 ${r.status} ${STATUS_CODES[r.status] ?? 'Error'}\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n` +
      (requestId ? `X-Request-Id: ${requestId}\r\n` : '') +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function refused(socket: Duplex, ctx: ExecAuditContext, r: Refusal, container: string | undefined, clusterCalls: number): void {
  auditExec(ctx, 'exec', { status: r.status, reason: r.reason }, { container: container ?? '', command: [], clusterCalls });
  refuse(socket, r, ctx.requestId);
}

export async function handleExecUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  const ctx: ExecAuditContext = { requestId: newRequestId(), user: null, clientIp: clientIp(headerSource(req)) };
  const g = await guardUpgrade(req);
  if (!g.ok) return refused(socket, { ...ctx, user: g.user ?? null }, g.refusal, undefined, 0);
  const { session, request } = g;
  Object.assign(ctx, { user: session.username, sid: session.sid, target: request.target });
  const { namespace, pod, container } = request.target;
  const limits = execLimits();
  const cap = capRefusal(session.sid, limits);
  if (cap) return refused(socket, ctx, { status: 429, reason: 'TooManyShells', message: cap }, container, 0);
  const check = { verb: 'create', group: '', resource: 'pods', subresource: 'exec', namespace, name: pod } as const;
  let access;
  try {
    access = await canI(session.bearer, check);
  } catch (e) {
    const body = e instanceof ApiError ? e.body : { status: 502, reason: 'ClusterUnreachable', message: 'The access review failed.' };
    return refused(socket, ctx, body, container, 1);
  }
  if (!access.allowed) return refused(socket, ctx, { status: 403, reason: 'Forbidden', message: denialReason(check, session.username, access.reason) }, container, 1);
  if (socket.destroyed) return;
  wss.handleUpgrade(req, socket, head, (ws) => runShell(ws, { session, target: request.target, commands: request.commands, audit: ctx, clusterCalls: 1, idleMs: limits.idleMs }));
}

/** Installs the handler where server/https-server.mjs looks for it (called from instrumentation.ts). */
export function installExecUpgrade(): void {
  const g = globalThis as unknown as Record<symbol, unknown>;
  g[UPGRADE_HANDLER] = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    handleExecUpgrade(req, socket, head).catch(() => refuse(socket, { status: 500, reason: 'InternalError', message: 'The console failed to open the shell.' }));
  };
}
