import { notFound } from 'next/navigation';
import { ResourceList } from '@/components/resources/resource-list';
import { isKindName, RESOURCES } from '@/lib/k8s/resources';
import { initialRows } from '@/lib/k8s/watch/first-page';

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return { title: isKindName(kind) ? RESOURCES[kind].title : 'Not found' };
}

type Search = Promise<{ ns?: string | string[]; l?: string | string[] }>;

// One page for every kind's list: the registry decides what exists. The first rows come with the HTML; the live
// stream keeps them current.
export default async function KindPage({ params, searchParams }: { params: Promise<{ kind: string }>; searchParams: Search }) {
  const { kind } = await params;
  if (!isKindName(kind)) notFound();
  return <ResourceList kind={kind} initial={await initialRows(kind, await searchParams)} />;
}
