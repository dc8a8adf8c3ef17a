import { notFound } from 'next/navigation';
import { ObjectDetail } from '@/components/detail/object-detail';
import { pageKind, type PageKind } from '@/lib/k8s/page-kind';
import { refName, resourceFor } from '@/lib/k8s/resources';
import { checkName, checkNamespace } from '@/lib/k8s/validate';

// One page for every kind the server serves: /deployments/default/nginx, /nodes/-/node-0,
// /widgets.example.com/team-a/w1. The kind is checked against discovery, namespace and name against DNS-1123.

type Params = Promise<{ kind: string; namespace: string; name: string }>;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes fail validation below
  }
}

async function resolve(params: Params): Promise<{ k: PageKind; namespace?: string; name: string } | undefined> {
  const p = await params;
  const namespace = decoded(p.namespace);
  const name = decoded(p.name);
  if (!checkName(name).ok) return undefined;
  const k = await pageKind(p.kind);
  if (!k) return undefined;
  if (!k.namespaced) return namespace === '-' ? { k, name } : undefined;
  return checkNamespace(namespace).ok ? { k, namespace, name } : undefined;
}

export async function generateMetadata({ params }: { params: Params }) {
  const t = await resolve(params);
  return { title: t ? `${t.name} · ${resourceFor(t.k.ref).kind}` : 'Not found' };
}

export default async function ObjectPage({ params }: { params: Params }) {
  const t = await resolve(params);
  if (!t) notFound();
  const name = refName(t.k.ref);
  const r = resourceFor(t.k.ref);
  const descriptor = { kind: r.kind, group: r.group, plural: r.plural, namespaced: r.namespaced, subresources: t.k.subresources, scalable: r.scalable };
  return (
    <ObjectDetail key={`${name}/${t.namespace ?? '-'}/${t.name}`} kindName={name} kind={resourceFor(t.k.ref).kind} title={t.k.title} descriptor={descriptor} namespace={t.namespace} name={t.name} />
  );
}
