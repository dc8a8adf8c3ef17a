import 'server-only';
import { kubeRequest } from './client';
import { ApiError } from './errors';

// Who a token is, asked of the API server itself (SelfSubjectReview): the only proof a token is good is that the
// cluster accepts it.

export interface Identity { username: string; uid?: string; groups: string[] }

interface SelfSubjectReview { status?: { userInfo?: { username?: string; uid?: string; groups?: string[] } } }

export async function reviewSelf(token: string): Promise<Identity> {
  const res = await kubeRequest<SelfSubjectReview>(token, {
    method: 'POST',
    path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
  });
  const info = res.body.status?.userInfo;
  if (!info?.username) throw new ApiError({ status: 401, reason: 'Unauthorized', message: 'The API server did not name the user of this token' });
  return { username: info.username, uid: info.uid, groups: info.groups ?? [] };
}

/** The `exp` claim of a JWT bearer token in ms, without verifying it (the API server verifies); undefined if none. */
export function tokenExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** A token's shape, checked before it is sent anywhere. */
export function tokenShapeError(token: string): string | undefined {
  if (!token) return 'Paste a ServiceAccount token to sign in.';
  if (token.length > 16_384) return 'That is too long to be a token.';
  if (!/^[A-Za-z0-9._~+/=-]+$/.test(token)) return 'That does not look like a bearer token (it has spaces or other characters a token cannot have).';
  return undefined;
}
