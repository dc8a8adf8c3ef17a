import { json, withSession } from '@/lib/api/respond';
import { fieldSelectorParam, kindRefParam, labelSelectorParam, namespaceParam } from '@/lib/api/params';
import { countObjects, listRows } from '@/lib/k8s/list';
import { listRowPage, pageQueryParams } from '@/lib/k8s/list-page';

export const dynamic = 'force-dynamic';

// The one list handler for every kind the API server serves (registry kinds by name, others through discovery):
//   GET /api/k8s/pods?namespace=team-a&labelSelector=app%3Dnginx   → all lean rows
//   GET /api/k8s/pods?namespace=team-a&count=1                      → { count }
//   GET /api/k8s/pods?limit=500[&continue=…][&sort=status&desc=1][&q=web]  → one page, sorted and filtered here
// Live lists use /api/k8s/{kind}/watch instead.
export const GET = withSession<{ kind: string }>(async (req, { params, session }) => {
  const kind = await kindRefParam(session.bearer, params.kind);
  const q = req.nextUrl.searchParams;
  const namespace = namespaceParam(q.get('namespace'));
  if (q.get('count') === '1') return json({ kind: params.kind, namespace, count: await countObjects(session.bearer, kind, namespace) });
  const scope = { namespace, labelSelector: labelSelectorParam(q.get('labelSelector')), fieldSelector: fieldSelectorParam(q.get('fieldSelector')) };
  const page = pageQueryParams(q);
  return json(page ? await listRowPage(session.bearer, kind, scope, page) : await listRows(session.bearer, kind, scope));
});
