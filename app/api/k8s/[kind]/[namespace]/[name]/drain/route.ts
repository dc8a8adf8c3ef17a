import { json, withSession } from '@/lib/api/respond';
import { ApiError } from '@/lib/k8s/errors';
import { operateTarget } from '@/lib/k8s/actions/operate-target';
import { readJsonBody } from '@/lib/k8s/actions/request';
import { drainProgress, parseDrainRequest, startDrain } from '@/lib/k8s/drain';

export const dynamic = 'force-dynamic';

type Params = { kind: string; namespace: string; name: string };

// POST /api/k8s/nodes/-/kwok-node-0/drain { deleteEmptyDirData?, force?, timeoutSeconds? } → the drain's progress
// (cordons at once; evicts in the background). GET → { node, state, message?, deadline, pods: [{ state, message }] }.
export const POST = withSession<Params>(async (req, { params, session, audit }) => {
  audit({ action: 'drain' });
  const t = await operateTarget('drain', params, session.bearer);
  const body = parseDrainRequest(await readJsonBody(req));
  return json(await startDrain(session.bearer, session.sid, t.name, body), 202);
});

export const GET = withSession<Params>(async (_req, { params, session }) => {
  const t = await operateTarget('drain', params, session.bearer);
  const progress = drainProgress(session.sid, t.name);
  if (!progress) throw new ApiError({ status: 404, reason: 'NotFound', message: `no drain of node/${t.name} in this session` });
  return json(progress);
});
