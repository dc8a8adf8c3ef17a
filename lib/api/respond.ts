import 'server-only';
import { randomUUID } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { auditable, reasonOf } from '@/lib/audit/request';
import { auditRecord } from '@/lib/audit/derive';
import { writeAudit } from '@/lib/audit/log';
import type { AuditNote } from '@/lib/audit/types';
import { readSession, type UserSession } from '@/lib/auth/session';
import { ApiError, type ApiErrorBody } from '@/lib/k8s/errors';
import { CSRF_HEADER, csrfTokenMatches } from '@/lib/security/csrf';
import { originRefusal } from '@/lib/security/origin';
import { clientIp } from '@/lib/security/transport';

// Every route handler is wrapped here: it checks the session itself (never trusting middleware alone), and turns
// every failure into the one error shape. Nothing is cached: answers depend on who asks. A state-changing request
// (any method but GET/HEAD) must also come from the console's own origin and carry the session's CSRF token, and
// is written to the audit trail whatever its outcome.

const NO_STORE = { 'Cache-Control': 'no-store' };
const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: NO_STORE });
}

export function errorResponse(error: ApiErrorBody): NextResponse {
  return NextResponse.json({ error }, { status: error.status, headers: NO_STORE });
}

export interface HandlerContext<P> {
  params: P;
  session: UserSession;
  /** Adds what only the handler knows to this request's audit record (action, dry run, objects). */
  audit: (note: AuditNote) => void;
  requestId: string;
}

type Guarded = { session: UserSession; error?: undefined } | { error: ApiErrorBody; session?: UserSession };

async function guard(req: NextRequest, mutating: boolean): Promise<Guarded> {
  const s = await readSession();
  if (s.state === 'expired') return { error: { status: 401, reason: 'SessionExpired', message: 'Your session has expired. Sign in again.' } };
  if (s.state !== 'active') return { error: { status: 401, reason: 'Unauthorized', message: 'Sign in first.' } };
  if (!mutating) return { session: s.session };
  const origin = originRefusal(req.headers);
  if (origin) return { error: { status: 403, reason: 'Forbidden', message: origin }, session: s.session };
  if (!csrfTokenMatches(s.session.sid, req.headers.get(CSRF_HEADER))) {
    return { error: { status: 403, reason: 'InvalidCSRFToken', message: 'The request’s CSRF token is missing or stale: reload the page and try again.' }, session: s.session };
  }
  return { session: s.session };
}

export function withSession<P>(handler: (req: NextRequest, ctx: HandlerContext<P>) => Promise<Response>) {
  return async (req: NextRequest, ctx: { params: Promise<P> }): Promise<Response> => {
    const requestId = randomUUID();
    const mutating = !SAFE_METHODS.has(req.method);
    const note: AuditNote = {};
    const params = await ctx.params;
    const g = await guard(req, mutating);
    let res: Response;
    let failure: ApiErrorBody | undefined;
    if (g.error) {
      failure = g.error;
      res = errorResponse(g.error);
    } else {
      try {
        res = await handler(req, { params, session: g.session, audit: (n) => Object.assign(note, n), requestId });
      } catch (e) {
        failure = e instanceof ApiError ? e.body : { status: 500, reason: 'InternalError', message: 'The console failed to handle this request.' };
        // Log the kind of failure only: messages of unknown errors may carry request details.
        if (!(e instanceof ApiError)) console.error(`[wheelhouse] unexpected error in ${req.method} ${req.nextUrl.pathname} (request ${requestId}): ${e instanceof Error ? e.name : typeof e}`);
        res = errorResponse(failure);
      }
    }
    if (mutating && auditable(req.nextUrl.pathname)) {
      const record = auditRecord({
        requestId, user: g.session?.username ?? null, method: req.method, pathname: req.nextUrl.pathname, query: req.nextUrl.searchParams, params, note,
        status: res.status, reason: failure?.reason ?? (await reasonOf(res)), clientIp: clientIp(req.headers),
      });
      writeAudit(record, g.session?.sid);
    }
    try {
      res.headers.set('X-Request-Id', requestId);
    } catch {
      // immutable headers (a passed-through upstream response): the id is still in the audit line
    }
    return res;
  };
}
