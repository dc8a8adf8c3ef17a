import { notFound } from 'next/navigation';
import { ResourceList } from '@/components/resources/resource-list';
import { pageKind } from '@/lib/k8s/page-kind';
import { resourceFor } from '@/lib/k8s/resources';
import { initialRows } from '@/lib/k8s/watch/first-page';

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  const k = await pageKind((await params).kind);
  return { title: k ? k.title : 'Not found' };
}

type Search = Promise<{ ns?: string | string[]; l?: string | string[] }>;

// One page for every kind's list: a registry kind, or any resource the user's discovery says the server serves.
// The first rows come with the HTML; the live stream keeps them current.
export default async function KindPage({ params, searchParams }: { params: Promise<{ kind: string }>; searchParams: Search }) {
  const name = (await params).kind;
  const k = await pageKind(name);
  if (!k) notFound();
  const initial = await initialRows(k.listRef, await searchParams);
  const scalable = k.subresources?.includes('scale') || resourceFor(k.ref).scalable;
  return <ResourceList kind={k.listRef} page={name} title={k.title} namespaced={k.namespaced} initial={initial} scalable={scalable} />;
}
