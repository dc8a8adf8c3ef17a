import 'server-only';
import { canI } from './access';
import { denialReason, type AccessCheck } from './actions/permissions';
import { kubeRequest } from './client';
import { ApiError, badRequest } from './errors';

// One value of one Secret, for one explicit click: a SelfSubjectAccessReview for `get secrets` first (so a viewer
// is told why not, in words, before any read), then a GET with the user's own token. The value goes only into
// this one no-store answer; it is never logged, cached or rendered on the server. The route audits each reveal.

export interface RevealedValue { key: string; value: string; encoding: 'utf8' | 'base64' }

const KEY = /^[-._a-zA-Z0-9]{1,253}$/;

export function secretKeyParam(body: unknown): string {
  const key = (body as { key?: unknown } | null)?.key;
  if (typeof key !== 'string' || !KEY.test(key)) throw new ApiError(badRequest('key must be a Secret data key (letters, digits, "-", "_", ".")'));
  return key;
}

export async function revealSecretKey(token: string, username: string, namespace: string, name: string, key: string): Promise<RevealedValue> {
  const check: AccessCheck = { verb: 'get', group: '', resource: 'secrets', namespace, name };
  const access = await canI(token, check);
  if (!access.allowed) throw new ApiError({ status: 403, reason: 'Forbidden', message: denialReason(check, username, access.reason) });
  const res = await kubeRequest<{ data?: Record<string, string> }>(token, {
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}`,
  });
  const b64 = res.body.data?.[key];
  if (b64 === undefined) throw new ApiError({ status: 404, reason: 'NotFound', message: `secret "${name}" has no key "${key}"` });
  const bytes = Buffer.from(b64, 'base64');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // Binary values (certificates in DER, keystores) stay base64.
  return Buffer.from(text, 'utf8').equals(bytes) ? { key, value: text, encoding: 'utf8' } : { key, value: b64, encoding: 'base64' };
}
