import { json, withSession } from '@/lib/api/respond';
import { fieldSelectorParam, kindParam, labelSelectorParam, namespaceParam } from '@/lib/api/params';
import { countObjects, listRows } from '@/lib/k8s/list';

export const dynamic = 'force-dynamic';

// The one list handler for every kind in the registry:
//   GET /api/k8s/pods?namespace=team-a&labelSelector=app%3Dnginx   → lean rows
//   GET /api/k8s/pods?namespace=team-a&count=1                      → { count }
export const GET = withSession<{ kind: string }>(async (req, { params, session }) => {
  const kind = kindParam(params.kind);
  const q = req.nextUrl.searchParams;
  const namespace = namespaceParam(q.get('namespace'));
  if (q.get('count') === '1') return json({ kind, namespace, count: await countObjects(session.bearer, kind, namespace) });
  const list = await listRows(session.bearer, kind, {
    namespace,
    labelSelector: labelSelectorParam(q.get('labelSelector')),
    fieldSelector: fieldSelectorParam(q.get('fieldSelector')),
  });
  return json(list);
});
