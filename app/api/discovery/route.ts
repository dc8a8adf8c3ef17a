import { json, withSession } from '@/lib/api/respond';
import { namespaceParam } from '@/lib/api/params';
import { navFor } from '@/lib/k8s/nav';

export const dynamic = 'force-dynamic';

// The kinds this user may list in a scope, from the API server's discovery (the sidebar and "go to"):
//   GET /api/discovery?namespace=team-a → { namespace, entries: [{ name, kind, group, section, … }], home? }
// `home` is the user's own ServiceAccount namespace when they may not list namespaces.
export const GET = withSession(async (req, { session }) => {
  const namespace = namespaceParam(req.nextUrl.searchParams.get('namespace'));
  return json(await navFor(session.bearer, session.username, namespace));
});
