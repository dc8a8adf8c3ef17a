import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { endSessionLocally } from '@/lib/auth/end-session';
import { authOptions } from '@/lib/auth/options';
import { readSession } from '@/lib/auth/session';
import { loginRefusal, recordLoginFailure, refusalResponse } from '@/lib/security/login-guard';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth's own endpoints (csrf, callback/token, signout, session), with their own CSRF token. Options are built
// per request so a missing session secret is reported when the console is used, not at build time. In front of
// the sign-in: HTTPS or localhost, same origin, and a per-IP limit on failed attempts (lib/security/login-guard).
async function handler(req: NextRequest, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions());
}

async function post(req: NextRequest, ctx: Ctx) {
  const [action] = (await ctx.params).nextauth ?? [];
  if (action === 'callback' || action === 'signin') {
    const refusal = loginRefusal(req);
    if (refusal) return refusalResponse(req, refusal);
    const res = await handler(req, ctx);
    if (res.status >= 400) recordLoginFailure(req);
    return res;
  }
  if (action === 'signout') {
    const s = await readSession();
    const res = await handler(req, ctx);
    if (s.state === 'active') endSessionLocally(s.session.sid);
    // Signing out also empties what this origin stored in the browser (the remembered namespace, any cache).
    res.headers.set('Clear-Site-Data', '"storage"');
    return res;
  }
  return handler(req, ctx);
}

export { handler as GET, post as POST };
