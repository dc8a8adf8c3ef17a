import { json, withSession } from '@/lib/api/respond';
import { kindRefParam, nameParam, objectNamespaceParam } from '@/lib/api/params';
import { checkTypedName, deleteObject, propagationParam } from '@/lib/k8s/actions/delete';
import { operateTarget } from '@/lib/k8s/actions/operate-target';
import { describeObject } from '@/lib/k8s/detail';

export const dynamic = 'force-dynamic';

type Params = { kind: string; namespace: string; name: string };

// The one get handler, for any kind the server serves: GET /api/k8s/deployments/default/nginx (cluster-scoped kinds
// use "-" as the namespace). Secrets come without values (lib/k8s/manifest.ts).
export const GET = withSession<Params>(async (_req, { params, session }) => {
  const kind = await kindRefParam(session.bearer, params.kind);
  const detail = await describeObject(session.bearer, kind, objectNamespaceParam(kind, params.namespace), nameParam(params.name));
  return json(detail);
});

// DELETE /api/k8s/pods/default/nginx-abc[?propagationPolicy=Background|Foreground|Orphan]; cluster-scoped objects
// (namespaces, nodes, CRDs…) also need ?confirm=<name>, the name the user typed.
//   → { kind, namespace, name, uid, warnings } (every kind but events)
export const DELETE = withSession<Params>(async (req, { params, session }) => {
  const t = await operateTarget('delete', params, session.bearer);
  checkTypedName(t, req.nextUrl.searchParams.get('confirm'));
  return json(await deleteObject(session.bearer, t, propagationParam(req.nextUrl.searchParams.get('propagationPolicy'))));
});
