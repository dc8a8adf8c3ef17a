import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, makeNonce } from '@/lib/security/csp';

// Pages get a fresh CSP nonce per request (production only: `next dev` needs eval and inline scripts for its
// tooling). The other security headers come from next.config.js, HSTS from server/https-server.mjs. This is not
// an auth check — layouts and withSession check the session themselves.

export function proxy(request: NextRequest) {
  if (process.env.NODE_ENV !== 'production') return NextResponse.next();
  const nonce = makeNonce();
  const csp = contentSecurityPolicy(nonce, { tls: process.env.WHEELHOUSE_HTTPS === '1' });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API answers are JSON (next.config.js gives them a deny-all CSP) and keep their bodies unbuffered.
      source: '/((?!api/|_next/static|_next/image|favicon.ico|healthz|readyz).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
