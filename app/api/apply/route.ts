import { json, withSession } from '@/lib/api/respond';
import { readApplyRequest } from '@/lib/k8s/apply/request';
import { runApply } from '@/lib/k8s/apply/run';

export const dynamic = 'force-dynamic';

// Apply YAML: POST { yaml, namespace?, mode: 'preview' | 'apply' | 'delete', force?, onlyValid? }
//   → { mode, documents: DocResult[], warnings: string[] }   (lib/k8s/apply/types.ts)
// The body is capped before it is parsed (413); every call to the cluster carries the user's own token.
export const POST = withSession<Record<string, never>>(async (req, { session, audit }) => {
  const body = await readApplyRequest(req);
  audit({ action: body.mode === 'delete' ? 'delete' : 'apply', dryRun: body.mode === 'preview' });
  const result = await runApply(session.bearer, body);
  const objects = result.documents.filter((d) => d.kind && d.name);
  audit({ objects: objects.map((d) => ({ kind: d.kind!, namespace: d.namespace, name: d.name!, result: d.outcome })) });
  return json(result);
});
