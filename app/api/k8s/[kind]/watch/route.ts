import { withSession } from '@/lib/api/respond';
import { fieldSelectorParam, kindRefParam, labelSelectorParam, namespaceParam } from '@/lib/api/params';
import { liveListResponse, resumeParam } from '@/lib/k8s/watch/live-response';

export const dynamic = 'force-dynamic';

// The live list of one kind, as Server-Sent Events (protocol: lib/k8s/watch/wire.ts):
//   GET /api/k8s/pods/watch?namespace=team-a&labelSelector=app%3Dnginx[&mode=private&resourceVersion=123]
// Lists, then watches (a shared watch per scope, joined after an access review with the user's own token), until
// the browser leaves or the session ends.
export const GET = withSession<{ kind: string }>(async (req, { params, session }) => {
  const kind = await kindRefParam(session.bearer, params.kind);
  const q = req.nextUrl.searchParams;
  return liveListResponse({
    token: session.bearer,
    username: session.username,
    kind,
    scope: {
      namespace: namespaceParam(q.get('namespace')),
      labelSelector: labelSelectorParam(q.get('labelSelector')),
      fieldSelector: fieldSelectorParam(q.get('fieldSelector')),
    },
    resumeFrom: resumeParam(q.get('resourceVersion') ?? req.headers.get('last-event-id')),
    private: q.get('mode') === 'private',
    expiresAt: session.expiresAt,
    sid: session.sid,
    signal: req.signal,
  });
});
