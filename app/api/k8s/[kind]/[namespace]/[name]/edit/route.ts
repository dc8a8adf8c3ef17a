import { json, withSession } from '@/lib/api/respond';
import { operateTarget } from '@/lib/k8s/actions/operate-target';
import { readJsonBody } from '@/lib/k8s/actions/request';
import { loadForEdit, parseEditRequest, submitEdit } from '@/lib/k8s/edit';

export const dynamic = 'force-dynamic';

type Params = { kind: string; namespace: string; name: string };
/** The original and the edited text, each at most 1 MiB, and their JSON escaping. */
const MAX_EDIT_BYTES = 5 * 1024 * 1024;

// GET /api/k8s/configmaps/default/app/edit → { yaml, resourceVersion } (the object without server-owned fields)
export const GET = withSession<Params>(async (_req, { params, session }) => {
  return json(await loadForEdit(session.bearer, await operateTarget('edit', params, session.bearer)));
});

// POST …/edit { original, edited, resourceVersion, dryRun } → { outcome: preview|saved|unchanged, diff?, warnings }
//   or 409 { error, conflict: { meanwhile?, latest } } when the object changed since the editor opened.
export const POST = withSession<Params>(async (req, { params, session, audit }) => {
  const t = await operateTarget('edit', params, session.bearer);
  const body = parseEditRequest(await readJsonBody(req, MAX_EDIT_BYTES));
  audit({ action: 'edit', dryRun: body.dryRun });
  const result = await submitEdit(session.bearer, t, body);
  if (result.outcome === 'conflict') return json({ error: result.error, conflict: { meanwhile: result.meanwhile, latest: result.latest } }, 409);
  return json(result);
});
