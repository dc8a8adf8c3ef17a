import { ApplyWorkbench } from '@/components/apply/apply-workbench';
import { pageKind } from '@/lib/k8s/page-kind';
import { resourceFor } from '@/lib/k8s/resources';
import { templateFor } from '@/lib/k8s/templates';
import { checkNamespace } from '@/lib/k8s/validate';

export const metadata = { title: 'Apply YAML' };

type Search = Promise<{ template?: string | string[]; ns?: string | string[] }>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// Apply YAML: preview (server-side dry-run), apply (server-side apply) and delete of any kinds the cluster serves.
// ?template=deployments&ns=team-a opens with a commented template of that kind in that namespace ("Create"); any
// kind the user's discovery knows gets at least a skeleton.
export default async function ApplyPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const kind = one(sp.template);
  const ns = one(sp.ns);
  const namespace = ns && checkNamespace(ns).ok ? ns : undefined;
  const k = kind ? await pageKind(kind) : undefined;
  const initial = k ? templateFor(resourceFor(k.ref), namespace) : undefined;
  return <ApplyWorkbench key={kind ?? ''} initial={initial} />;
}
