import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { ApiError } from '@/lib/k8s/errors';
import { reviewSelf, tokenExpiry, tokenShapeError } from '@/lib/k8s/identity';
import { secureCookies, sessionCookieName, sessionMaxMs, sessionSecret } from './config';

// next-auth keeps the bearer token inside its encrypted, HttpOnly JWT cookie. The `session` callback deliberately
// does not copy it: whatever that callback returns is served to browser JavaScript.

declare module 'next-auth' {
  interface User { bearer?: string; groups?: string[]; expiresAt?: number }
}
declare module 'next-auth/jwt' {
  interface JWT { bearer?: string; username?: string; groups?: string[]; expiresAt?: number; sid?: string }
}

function loginError(e: unknown): string {
  if (!(e instanceof ApiError)) return 'Sign-in failed: the console could not check the token.';
  const b = e.body;
  if (b.status === 401) return 'The cluster rejected this token (401 Unauthorized): it is wrong, expired, or its ServiceAccount was deleted.';
  if (b.reason === 'ClusterUnreachable' || b.reason === 'TLSError') return `Cluster unreachable: ${b.message}`;
  return `Sign-in failed: ${b.reason}: ${b.message}`;
}

async function authorize(credentials: Record<string, string> | undefined): Promise<User> {
  const bearer = (credentials?.token ?? '').trim();
  const shape = tokenShapeError(bearer);
  if (shape) throw new Error(shape);
  const exp = tokenExpiry(bearer);
  if (exp !== undefined && exp <= Date.now()) {
    throw new Error(`This token expired at ${new Date(exp).toISOString()}. Create a new one (kubectl create token …).`);
  }
  let identity;
  try {
    identity = await reviewSelf(bearer);
  } catch (e) {
    throw new Error(loginError(e));
  }
  const expiresAt = Math.min(exp ?? Infinity, Date.now() + sessionMaxMs());
  return { id: identity.username, name: identity.username, groups: identity.groups, bearer, expiresAt };
}

export function authOptions(): AuthOptions {
  const secure = secureCookies();
  return {
    secret: sessionSecret(),
    session: { strategy: 'jwt', maxAge: Math.ceil(sessionMaxMs() / 1000) },
    pages: { signIn: '/login' },
    // next-auth's own cookies (its CSRF token, callback URL) follow the console's transport, not only NEXTAUTH_URL.
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: 'strict', path: '/', secure },
      },
    },
    providers: [
      CredentialsProvider({
        id: 'token',
        name: 'ServiceAccount token',
        credentials: { token: { label: 'Token', type: 'password' } },
        authorize,
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.bearer = user.bearer;
          token.username = user.name ?? undefined;
          token.groups = user.groups;
          token.expiresAt = user.expiresAt;
          // The session's id: keys its CSRF token (lib/security/csrf.ts) and its Activity list; new at every sign-in.
          token.sid = randomUUID();
        }
        return token;
      },
      session({ session, token }) {
        // Only what the browser may see: never token.bearer.
        return { expires: session.expires, user: { name: token.username }, expiresAt: token.expiresAt } as typeof session;
      },
    },
  };
}
