import { json, withSession } from '@/lib/api/respond';
import { checkAccess } from '@/lib/k8s/access';
import { parseAccessChecks } from '@/lib/k8s/actions/permissions';
import { readJsonBody } from '@/lib/k8s/actions/request';

export const dynamic = 'force-dynamic';

// POST /api/access { checks: [{ verb, group, resource, subresource?, namespace?, name? }, …] } (at most 20)
//   → { user, results: [{ allowed, reason? }, …] } in the same order, each from a SelfSubjectAccessReview.
export const POST = withSession(async (req, { session }) => {
  const checks = parseAccessChecks(await readJsonBody(req));
  return json({ user: session.username, results: await checkAccess(session.bearer, session.username, checks) });
});
