import { json, withSession } from '@/lib/api/respond';
import { kindParam, nameParam, objectNamespaceParam } from '@/lib/api/params';
import { readScale, scaleTo } from '@/lib/k8s/actions/scale';
import { maxReplicas, parseScaleRequest } from '@/lib/k8s/actions/scale-input';
import { readJsonBody } from '@/lib/k8s/actions/request';
import { actionTarget } from '@/lib/k8s/actions/target';

export const dynamic = 'force-dynamic';

type Params = { kind: string; namespace: string; name: string };

function target(p: Params) {
  const kind = kindParam(p.kind);
  return actionTarget('scale', kind, objectNamespaceParam(kind, p.namespace), nameParam(p.name));
}

// GET /api/k8s/deployments/default/nginx/scale → { replicas, currentReplicas, max, hpa? }
export const GET = withSession<Params>(async (_req, { params, session }) => {
  return json(await readScale(session.bearer, target(params), maxReplicas()));
});

// PATCH /api/k8s/deployments/default/nginx/scale  { "replicas": 5, "expectedReplicas": 3 }
//   → { replicas, previous, hpa?, warnings }; the body is checked before any call to the cluster.
export const PATCH = withSession<Params>(async (req, { params, session }) => {
  const t = target(params);
  const request = parseScaleRequest(await readJsonBody(req), maxReplicas());
  return json(await scaleTo(session.bearer, t, request));
});
