import 'server-only';
import { z } from 'zod';
import type { UserSession } from '@/lib/auth/session';
import { ApiError, badRequest } from '@/lib/k8s/errors';
import type { LiveConnection } from './mux-connection';
import { connectionOf, subscriptionRefusal } from './mux-registry';
import { startList, startLogs } from './mux-subscribe';
import { SUB_ID, TAB_ID, type LiveRequest } from './mux-wire';

// POST /api/live: subscribe and unsubscribe on the caller's own connection. The envelope is checked as a whole
// (a malformed one is a 400 and changes nothing); each subscription's scope is checked on its own and a bad one
// fails alone, on its own stream. Past the session's or the server's cap, the new subscriptions fail with 429.

const MAX_PER_REQUEST = 64;
const short = z.string().max(1024);
const spec = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('list'), kind: z.string().max(64), namespace: short.optional(), labelSelector: short.optional(),
    fieldSelector: short.optional(), resourceVersion: z.string().max(64).optional(), private: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('logs'), kind: z.string().max(64), namespace: z.string().max(253), name: z.string().max(253), container: z.string().max(253).optional(),
    tailLines: z.number().int().optional(), previous: z.boolean().optional(), timestamps: z.boolean().optional(),
  }),
]);
const request = z.object({
  conn: z.uuid(),
  subscribe: z.array(z.object({ id: z.string().regex(SUB_ID), spec })).max(MAX_PER_REQUEST).optional(),
  unsubscribe: z.array(z.string().regex(SUB_ID)).max(MAX_PER_REQUEST).optional(),
  dropTab: z.string().regex(TAB_ID).optional(),
}).strict();

export function parseLiveRequest(body: unknown): LiveRequest {
  const r = request.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new ApiError(badRequest(`invalid live request: ${issue.path.join('.') || 'body'}: ${issue.message}`));
  }
  return r.data;
}

/** Applies one request; answers how many subscriptions the connection holds afterwards. */
export function applyLiveRequest(req: LiveRequest, session: UserSession): { subscriptions: number } {
  const conn = connectionOf<LiveConnection>(req.conn, session.sid);
  for (const id of req.unsubscribe ?? []) conn.remove(id);
  if (req.dropTab) for (const id of conn.subscriptionIds()) if (id.startsWith(`${req.dropTab}.`)) conn.remove(id);
  const fresh = (req.subscribe ?? []).filter((s) => !conn.has(s.id));
  const refusal = fresh.length ? subscriptionRefusal(session.sid, fresh.length) : undefined;
  for (const { id, spec: s } of fresh) {
    if (s.type === 'list') startList(conn, id, s, session, refusal);
    else startLogs(conn, id, s, session, refusal);
  }
  return { subscriptions: conn.size };
}
