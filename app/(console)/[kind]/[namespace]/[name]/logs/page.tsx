import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LogViewer } from '@/components/logs/log-viewer';
import { supports } from '@/lib/k8s/actions/permissions';
import { isKindName, RESOURCES, type KindName } from '@/lib/k8s/resources';
import { objectPathParams } from '@/lib/k8s/object-path';

// Logs of a pod or of a whole deployment: /pods/default/web-site/logs, /deployments/default/nginx/logs.

type Params = Promise<{ kind: string; namespace: string; name: string }>;

async function resolve(params: Params): Promise<{ kind: KindName; namespace: string; name: string } | undefined> {
  const p = await params;
  const at = objectPathParams(p);
  if (!at || !isKindName(p.kind) || !supports(p.kind, 'logs')) return undefined;
  return { kind: p.kind, ...at };
}

export async function generateMetadata({ params }: { params: Params }) {
  const t = await resolve(params);
  return { title: t ? `Logs · ${t.name}` : 'Not found' };
}

export default async function LogsPage({ params }: { params: Params }) {
  const t = await resolve(params);
  if (!t) notFound();
  const r = RESOURCES[t.kind];
  const detail = `/${t.kind}/${t.namespace}/${encodeURIComponent(t.name)}`;
  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500">
        <Link className="text-sky-700 hover:underline dark:text-sky-400" href={`/${t.kind}?ns=${t.namespace}`}>{r.title}</Link>
        <span> / {t.namespace} / </span>
        <Link className="text-sky-700 hover:underline dark:text-sky-400" href={detail}>{t.name}</Link>
        <span> / logs</span>
      </nav>
      <h1 className="text-lg font-semibold">
        <span className="font-normal text-zinc-500">Logs of {r.kind}</span> {t.name}
      </h1>
      <LogViewer kindName={t.kind} namespace={t.namespace} name={t.name} />
    </div>
  );
}
