import { notFound } from 'next/navigation';
import { ObjectDetail } from '@/components/detail/object-detail';
import { isKindName, RESOURCES, type KindName } from '@/lib/k8s/resources';
import { checkName, checkNamespace } from '@/lib/k8s/validate';

// One page for every kind with `detail: true`: /deployments/default/nginx, /nodes/-/node-0.

type Params = Promise<{ kind: string; namespace: string; name: string }>;

/** The object the URL names, or undefined when any segment is not one the console serves. */
function target(kind: string, namespace: string, name: string): { kind: KindName; namespace?: string; name: string } | undefined {
  if (!isKindName(kind)) return undefined;
  const r = RESOURCES[kind] as { namespaced: boolean; detail?: boolean };
  if (!r.detail || !checkName(name).ok) return undefined;
  if (!r.namespaced) return namespace === '-' ? { kind, name } : undefined;
  return checkNamespace(namespace).ok ? { kind, namespace, name } : undefined;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes fail validation below
  }
}

async function resolve(params: Params) {
  const p = await params;
  return target(p.kind, decoded(p.namespace), decoded(p.name));
}

export async function generateMetadata({ params }: { params: Params }) {
  const t = await resolve(params);
  return { title: t ? `${t.name} · ${RESOURCES[t.kind].kind}` : 'Not found' };
}

export default async function ObjectPage({ params }: { params: Params }) {
  const t = await resolve(params);
  if (!t) notFound();
  return <ObjectDetail key={`${t.kind}/${t.namespace ?? '-'}/${t.name}`} kindName={t.kind} namespace={t.namespace} name={t.name} />;
}
