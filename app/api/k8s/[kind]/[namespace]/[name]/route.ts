import { json, withSession } from '@/lib/api/respond';
import { kindParam, nameParam, objectNamespaceParam } from '@/lib/api/params';
import { describeObject } from '@/lib/k8s/detail';

export const dynamic = 'force-dynamic';

// The one get handler: GET /api/k8s/deployments/default/nginx (cluster-scoped kinds use "-" as the namespace).
export const GET = withSession<{ kind: string; namespace: string; name: string }>(async (_req, { params, session }) => {
  const kind = kindParam(params.kind);
  const detail = await describeObject(session.bearer, kind, objectNamespaceParam(kind, params.namespace), nameParam(params.name));
  return json(detail);
});
