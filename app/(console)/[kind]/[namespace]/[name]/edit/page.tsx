import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditWorkbench } from '@/components/edit/edit-workbench';
import { offers } from '@/lib/k8s/actions/catalog';
import { isKindName, RESOURCES, type KindName } from '@/lib/k8s/resources';
import { checkName, checkNamespace } from '@/lib/k8s/validate';

// Edit one object in place: /deployments/default/nginx/edit, /namespaces/-/team-a/edit.

type Params = Promise<{ kind: string; namespace: string; name: string }>;

async function resolve(params: Params): Promise<{ kind: KindName; namespace?: string; name: string } | undefined> {
  const p = await params;
  let namespace: string;
  let name: string;
  try {
    [namespace, name] = [decodeURIComponent(p.namespace), decodeURIComponent(p.name)];
  } catch {
    return undefined;
  }
  if (!isKindName(p.kind) || !offers(RESOURCES[p.kind], 'edit') || !checkName(name).ok) return undefined;
  if (!RESOURCES[p.kind].namespaced) return namespace === '-' ? { kind: p.kind, name } : undefined;
  return checkNamespace(namespace).ok ? { kind: p.kind, namespace, name } : undefined;
}

export async function generateMetadata({ params }: { params: Params }) {
  const t = await resolve(params);
  return { title: t ? `Edit · ${t.name}` : 'Not found' };
}

export default async function EditPage({ params }: { params: Params }) {
  const t = await resolve(params);
  if (!t) notFound();
  const r = RESOURCES[t.kind];
  const detail = `/${t.kind}/${t.namespace ?? '-'}/${encodeURIComponent(t.name)}`;
  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500">
        <Link className="text-sky-700 hover:underline dark:text-sky-400" href={`/${t.kind}${t.namespace ? `?ns=${t.namespace}` : ''}`}>{r.title}</Link>
        <span> / {t.namespace ? `${t.namespace} / ` : ''}</span>
        <Link className="text-sky-700 hover:underline dark:text-sky-400" href={detail}>{t.name}</Link>
        <span> / edit</span>
      </nav>
      <h1 className="text-lg font-semibold"><span className="font-normal text-zinc-500">Edit {r.kind}</span> {t.name}</h1>
      <EditWorkbench kindName={t.kind} namespace={t.namespace} name={t.name} detailHref={detail} />
    </div>
  );
}
