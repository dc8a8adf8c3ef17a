import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { readSession, type UserSession } from '@/lib/auth/session';
import { ApiError, type ApiErrorBody } from '@/lib/k8s/errors';

// Every route handler is wrapped here: it checks the session itself (never trusting middleware alone), and turns
// every failure into the one error shape. Nothing is cached: answers depend on who asks.

const NO_STORE = { 'Cache-Control': 'no-store' };

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: NO_STORE });
}

export function errorResponse(error: ApiErrorBody): NextResponse {
  return NextResponse.json({ error }, { status: error.status, headers: NO_STORE });
}

export interface HandlerContext<P> { params: P; session: UserSession }

export function withSession<P>(handler: (req: NextRequest, ctx: HandlerContext<P>) => Promise<Response>) {
  return async (req: NextRequest, ctx: { params: Promise<P> }): Promise<Response> => {
    const s = await readSession();
    if (s.state === 'expired') return errorResponse({ status: 401, reason: 'SessionExpired', message: 'Your session has expired. Sign in again.' });
    if (s.state !== 'active') return errorResponse({ status: 401, reason: 'Unauthorized', message: 'Sign in first.' });
    try {
      return await handler(req, { params: await ctx.params, session: s.session });
    } catch (e) {
      if (e instanceof ApiError) return errorResponse(e.body);
      // Log the kind of failure only: messages of unknown errors may carry request details.
      console.error(`[wheelhouse] unexpected error in ${req.method} ${req.nextUrl.pathname}: ${e instanceof Error ? e.name : typeof e}`);
      return errorResponse({ status: 500, reason: 'InternalError', message: 'The console failed to handle this request.' });
    }
  };
}
