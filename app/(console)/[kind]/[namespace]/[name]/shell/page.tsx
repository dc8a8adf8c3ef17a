import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ShellPanel } from '@/components/terminal/shell-panel';
import { objectPathParams } from '@/lib/k8s/object-path';

// A shell in one of a pod's containers: /pods/default/web-site/shell. Pods only.

type Params = Promise<{ kind: string; namespace: string; name: string }>;

async function resolve(params: Params): Promise<{ namespace: string; name: string } | undefined> {
  const p = await params;
  const at = objectPathParams(p);
  if (!at || p.kind !== 'pods') return undefined;
  return at;
}

export async function generateMetadata({ params }: { params: Params }) {
  const t = await resolve(params);
  return { title: t ? `Shell · ${t.name}` : 'Not found' };
}

export default async function ShellPage({ params }: { params: Params }) {
  const t = await resolve(params);
  if (!t) notFound();
  const detail = `/pods/${t.namespace}/${encodeURIComponent(t.name)}`;
  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500">
        <Link className="text-sky-700 hover:underline dark:text-sky-400" href={`/pods?ns=${t.namespace}`}>Pods</Link>
        <span> / {t.namespace} / </span>
        <Link className="text-sky-700 hover:underline dark:text-sky-400" href={detail}>{t.name}</Link>
        <span> / shell</span>
      </nav>
      <h1 className="text-lg font-semibold">
        <span className="font-normal text-zinc-500">Shell in Pod</span> {t.name}
      </h1>
      <ShellPanel namespace={t.namespace} pod={t.name} />
    </div>
  );
}
