import { json, withSession } from '@/lib/api/respond';
import { ApiError } from '@/lib/k8s/errors';
import { isObjectAction } from '@/lib/k8s/actions/catalog';
import { runObjectAction } from '@/lib/k8s/actions/object-action';
import { operateTarget } from '@/lib/k8s/actions/operate-target';
import { readJsonBody } from '@/lib/k8s/actions/request';
import { clip } from '@/lib/k8s/validate';

export const dynamic = 'force-dynamic';

type Params = { kind: string; namespace: string; name: string; action: string };

// POST /api/k8s/{kind}/{ns}/{name}/actions/{action}: undo {revision?}, pause, resume (Deployments); undo
// (StatefulSets, DaemonSets); cordon, uncordon (Nodes); suspend, unsuspend, run-now (CronJobs).
//   → { action, message, warnings, job?, revision? }. Which kind offers what is data: lib/k8s/actions/catalog.
export const POST = withSession<Params>(async (req, { params, session, audit }) => {
  const action = params.action;
  if (!isObjectAction(action)) throw new ApiError({ status: 404, reason: 'NotFound', message: `unknown action "${clip(action)}"` });
  audit({ action });
  const t = await operateTarget(action, params, session.bearer);
  const body = action === 'undo' ? await readJsonBody(req) : undefined;
  return json(await runObjectAction(session.bearer, t, action, body));
});
