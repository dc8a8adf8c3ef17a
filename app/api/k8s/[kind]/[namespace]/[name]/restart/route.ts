import { json, withSession } from '@/lib/api/respond';
import { kindParam, nameParam, objectNamespaceParam } from '@/lib/api/params';
import { restartRollout } from '@/lib/k8s/actions/restart';
import { actionTarget } from '@/lib/k8s/actions/target';

export const dynamic = 'force-dynamic';

// POST /api/k8s/deployments/default/nginx/restart → { restartedAt, generation, warnings } (kubectl rollout restart)
export const POST = withSession<{ kind: string; namespace: string; name: string }>(async (req, { params, session }) => {
  const kind = kindParam(params.kind);
  const t = actionTarget('restart', kind, objectNamespaceParam(kind, params.namespace), nameParam(params.name));
  return json(await restartRollout(session.bearer, t));
});
