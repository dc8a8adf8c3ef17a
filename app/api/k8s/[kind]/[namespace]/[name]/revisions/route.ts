import { json, withSession } from '@/lib/api/respond';
import { ApiError, badRequest } from '@/lib/k8s/errors';
import { operateTarget } from '@/lib/k8s/actions/operate-target';
import { rolloutHistory } from '@/lib/k8s/rollout';

export const dynamic = 'force-dynamic';

type Params = { kind: string; namespace: string; name: string };

function revisionParam(v: string | null): number | undefined {
  if (v === null) return undefined;
  if (!/^\d{1,15}$/.test(v)) throw new ApiError(badRequest('from and to must be revision numbers'));
  return Number(v);
}

// GET /api/k8s/deployments/default/nginx/revisions[?from=1&to=3]
//   → { revisions: [{ revision, source, created, changeCause?, images }], current?, diff? } (kubectl rollout history)
export const GET = withSession<Params>(async (req, { params, session }) => {
  const t = await operateTarget('history', params, session.bearer);
  const [from, to] = [revisionParam(req.nextUrl.searchParams.get('from')), revisionParam(req.nextUrl.searchParams.get('to'))];
  if ((from === undefined) !== (to === undefined)) throw new ApiError(badRequest('give both from and to, or neither'));
  return json(await rolloutHistory(session.bearer, t, from !== undefined && to !== undefined ? { from, to } : undefined));
});
