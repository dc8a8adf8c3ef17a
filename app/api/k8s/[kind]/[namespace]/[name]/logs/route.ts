import { withSession } from '@/lib/api/respond';
import { kindParam, nameParam, objectNamespaceParam } from '@/lib/api/params';
import { actionTarget } from '@/lib/k8s/actions/target';
import { logResponse, openLogs, parseLogOptions } from '@/lib/k8s/logs';

export const dynamic = 'force-dynamic';

// GET /api/k8s/pods/default/web-site/logs?container=nginx&tailLines=500&follow=1&timestamps=1&previous=0
// GET /api/k8s/deployments/default/nginx/logs?…  → every pod's lines, prefixed "[pod/container] "
// Answers text/plain, streamed while following; the upstream closes when the browser disconnects.
export const GET = withSession<{ kind: string; namespace: string; name: string }>(async (req, { params, session }) => {
  const kind = kindParam(params.kind);
  const t = actionTarget('logs', kind, objectNamespaceParam(kind, params.namespace), nameParam(params.name));
  const q = req.nextUrl.searchParams;
  const opts = parseLogOptions(q);
  const body = await openLogs(session, t, opts, req.signal);
  return logResponse(body, q.get('download') === '1' ? `${t.name}.log` : undefined);
});
