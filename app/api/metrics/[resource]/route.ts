import { json, withSession } from '@/lib/api/respond';
import { labelSelectorParam, nameParam, namespaceParam } from '@/lib/api/params';
import { ApiError, badRequest } from '@/lib/k8s/errors';
import { readNodeUsage, readPodContainers } from '@/lib/k8s/metrics/read';
import { podUsageFor, topPodsFor } from '@/lib/k8s/metrics/shared';

export const dynamic = 'force-dynamic';

// Usage from the Metrics API, compact, with the user's own token. A separate small data path next to the live lists:
// the browser polls it once per sampling window and joins it with the rows it already has.
//   GET /api/metrics/pods?namespace=ns&labelSelector=app%3Dweb   → PodUsageSet
//   GET /api/metrics/pods?namespace=ns&top=10                     → TopPods
//   GET /api/metrics/pods?namespace=ns&name=pod                   → PodContainersUsage
//   GET /api/metrics/nodes[?pods=1]                               → NodeUsageSet (+ running pods per node)
export const GET = withSession<{ resource: string }>(async (req, { params, session }) => {
  const q = req.nextUrl.searchParams;
  if (params.resource === 'nodes') return json(await readNodeUsage(session.bearer, q.get('pods') === '1'));
  if (params.resource !== 'pods') throw new ApiError({ status: 404, reason: 'NotFound', message: 'metrics exist for pods and nodes only' });
  const namespace = namespaceParam(q.get('namespace'));
  const name = q.get('name');
  if (name !== null) {
    if (!namespace) throw new ApiError(badRequest('namespace is required with name'));
    return json(await readPodContainers(session.bearer, namespace, nameParam(name)));
  }
  const scope = { namespace, labelSelector: labelSelectorParam(q.get('labelSelector')) };
  const top = q.get('top');
  if (top === null) return json(await podUsageFor(session.bearer, session.username, scope));
  const n = Number(top);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new ApiError(badRequest('top must be an integer from 1 to 50'));
  return json(await topPodsFor(session.bearer, session.username, scope, n));
});
