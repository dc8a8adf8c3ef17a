import { json, withSession } from '@/lib/api/respond';
import { nameParam, namespaceParam } from '@/lib/api/params';
import { ApiError } from '@/lib/k8s/errors';
import { revealSecretKey, secretKeyParam } from '@/lib/k8s/secret-reveal';

export const dynamic = 'force-dynamic';

// POST /api/k8s/secrets/default/app-credentials/reveal {"key":"password"} → { key, value, encoding }
// One value per explicit click, after an access review; a POST so it carries the CSRF token and is one audit line
// (the key's name is recorded, never its value). Answers are no-store like every answer of withSession.
export const POST = withSession<{ kind: string; namespace: string; name: string }>(async (req, { params, session, audit }) => {
  if (params.kind !== 'secrets') throw new ApiError({ status: 404, reason: 'NotFound', message: 'only secrets have values to reveal' });
  const namespace = namespaceParam(params.namespace);
  if (!namespace) throw new ApiError({ status: 400, reason: 'BadRequest', message: 'namespace is required' });
  const name = nameParam(params.name);
  const key = secretKeyParam(await req.json().catch(() => null));
  audit({ action: 'reveal-secret', kind: 'secrets', namespace, name, objects: [{ kind: 'Secret', namespace, name, result: `key ${key}` }] });
  return json(await revealSecretKey(session.bearer, session.username, namespace, name, key));
});
