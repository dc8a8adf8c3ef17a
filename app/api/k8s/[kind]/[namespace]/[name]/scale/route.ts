import { json, withSession } from '@/lib/api/respond';
import { operateTarget } from '@/lib/k8s/actions/operate-target';
import { readScale, scaleTo } from '@/lib/k8s/actions/scale';
import { maxReplicas, parseScaleRequest } from '@/lib/k8s/actions/scale-input';
import { readJsonBody } from '@/lib/k8s/actions/request';

export const dynamic = 'force-dynamic';

type Params = { kind: string; namespace: string; name: string };

// Any kind with a scale subresource (Deployments, StatefulSets, ReplicaSets, custom resources with scale).
// GET /api/k8s/deployments/default/nginx/scale → { replicas, currentReplicas, max, hpa? }
export const GET = withSession<Params>(async (_req, { params, session }) => {
  return json(await readScale(session.bearer, await operateTarget('scale', params, session.bearer), maxReplicas()));
});

// PATCH /api/k8s/deployments/default/nginx/scale  { "replicas": 5, "expectedReplicas": 3 }
//   → { replicas, previous, hpa?, warnings }; the body is checked before any call to the cluster.
export const PATCH = withSession<Params>(async (req, { params, session }) => {
  const t = await operateTarget('scale', params, session.bearer);
  const request = parseScaleRequest(await readJsonBody(req), maxReplicas());
  return json(await scaleTo(session.bearer, t, request));
});
