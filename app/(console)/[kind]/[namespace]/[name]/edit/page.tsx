import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditWorkbench } from '@/components/edit/edit-workbench';
import { offers } from '@/lib/k8s/actions/catalog';
import { pageKind, type PageKind } from '@/lib/k8s/page-kind';
import { refName, resourceFor } from '@/lib/k8s/resources';
import { checkName, checkNamespace } from '@/lib/k8s/validate';

// Edit one object in place, any kind the server serves: /deployments/default/nginx/edit, /namespaces/-/team-a/edit.

type Params = Promise<{ kind: string; namespace: string; name: string }>;

async function resolve(params: Params): Promise<{ k: PageKind; namespace?: string; name: string } | undefined> {
  const p = await params;
  let namespace: string;
  let name: string;
  try {
    [namespace, name] = [decodeURIComponent(p.namespace), decodeURIComponent(p.name)];
  } catch {
    return undefined;
  }
  const k = checkName(name).ok ? await pageKind(p.kind) : undefined;
  if (!k || !offers({ ...resourceFor(k.ref), subresources: k.subresources }, 'edit')) return undefined;
  if (!k.namespaced) return namespace === '-' ? { k, name } : undefined;
  return checkNamespace(namespace).ok ? { k, namespace, name } : undefined;
}

export async function generateMetadata({ params }: { params: Params }) {
  const t = await resolve(params);
  return { title: t ? `Edit · ${t.name}` : 'Not found' };
}

export default async function EditPage({ params }: { params: Params }) {
  const t = await resolve(params);
  if (!t) notFound();
  const r = resourceFor(t.k.ref);
  const kindName = refName(t.k.ref);
  const detail = `/${kindName}/${t.namespace ?? '-'}/${encodeURIComponent(t.name)}`;
  const descriptor = { kind: r.kind, group: r.group, plural: r.plural, namespaced: r.namespaced };
  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500">
        <Link className="text-sky-700 hover:underline dark:text-sky-400" href={`/${kindName}${t.namespace ? `?ns=${t.namespace}` : ''}`}>{t.k.title}</Link>
        <span> / {t.namespace ? `${t.namespace} / ` : ''}</span>
        <Link className="text-sky-700 hover:underline dark:text-sky-400" href={detail}>{t.name}</Link>
        <span> / edit</span>
      </nav>
      <h1 className="text-lg font-semibold"><span className="font-normal text-zinc-500">Edit {r.kind}</span> {t.name}</h1>
      <EditWorkbench kindName={kindName} descriptor={descriptor} namespace={t.namespace} name={t.name} detailHref={detail} />
    </div>
  );
}
