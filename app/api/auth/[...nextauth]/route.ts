import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/options';

export const dynamic = 'force-dynamic';

// next-auth's own endpoints (csrf, callback/token, signout, session). Options are built per request so a missing
// session secret is reported when the console is used, not at build time.
async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
