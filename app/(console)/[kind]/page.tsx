import { notFound } from 'next/navigation';
import { ResourceList } from '@/components/resources/resource-list';
import { isKindName, RESOURCES } from '@/lib/k8s/resources';

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return { title: isKindName(kind) ? RESOURCES[kind].title : 'Not found' };
}

// One page for every kind's list: the registry decides what exists.
export default async function KindPage({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  if (!isKindName(kind)) notFound();
  return <ResourceList kind={kind} />;
}
