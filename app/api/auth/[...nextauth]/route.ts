import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { sessionCookieName } from '@/lib/auth/config';
import { endSessionLocally } from '@/lib/auth/end-session';
import { authOptions } from '@/lib/auth/options';
import { readSession } from '@/lib/auth/session';
import { admitLogin, refusalResponse } from '@/lib/security/login-guard';
import { originRefusal } from '@/lib/security/origin';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth's own endpoints (csrf, callback/token, signout, session), with their own CSRF token. Options are built
// per request so a missing session secret is reported when the console is used, not at build time. In front of
// the sign-in: HTTPS or localhost, same origin, a capped body and limits counted before the attempt runs
// (lib/security/login-guard). Sign-out: same origin, and its effects only once next-auth accepted its CSRF token.
async function handler(req: NextRequest, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions());
}

/** next-auth accepted the sign-out when its answer expires the session cookie (a bad CSRF token only redirects). */
const clearsSession = (res: Response) => res.headers.getSetCookie().some((c) => c.startsWith(`${sessionCookieName()}=`) && /max-age=0|expires=thu, 01 jan 1970/i.test(c));

async function post(req: NextRequest, ctx: Ctx) {
  const [action] = (await ctx.params).nextauth ?? [];
  if (action === 'callback' || action === 'signin') {
    const admitted = await admitLogin(req);
    if ('refusal' in admitted) return refusalResponse(req, admitted.refusal);
    const res = await handler(req, ctx);
    admitted.settle(res.status < 400);
    return res;
  }
  if (action === 'signout') {
    const origin = originRefusal(req.headers);
    if (origin) return refusalResponse(req, { status: 403, message: origin });
    const s = await readSession();
    const res = await handler(req, ctx);
    if (!clearsSession(res)) return res;
    if (s.state === 'active') endSessionLocally(s.session.sid);
    // Signing out also empties what this origin stored in the browser (the remembered namespace, any cache).
    res.headers.set('Clear-Site-Data', '"storage"');
    return res;
  }
  return handler(req, ctx);
}

export { handler as GET, post as POST };
