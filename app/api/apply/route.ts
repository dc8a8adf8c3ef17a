import { json, withSession } from '@/lib/api/respond';
import { readApplyRequest } from '@/lib/k8s/apply/request';
import { runApply } from '@/lib/k8s/apply/run';

export const dynamic = 'force-dynamic';

// Apply YAML: POST { yaml, namespace?, mode: 'preview' | 'apply' | 'delete', force?, onlyValid? }
//   → { mode, documents: DocResult[], warnings: string[] }   (lib/k8s/apply/types.ts)
// The body is capped before it is parsed (413); every call to the cluster carries the user's own token.
export const POST = withSession<Record<string, never>>(async (req, { session }) => {
  const body = await readApplyRequest(req);
  return json(await runApply(session.bearer, body));
});
