import Link from 'next/link';
import { isKindName, RESOURCES } from '@/lib/k8s/resources';
import { LINK } from './section';

interface Props { kind: string; kindName?: string; name: string; namespace?: string; bare?: boolean; list?: boolean; cluster?: boolean }

/** `Kind/name`, linked to its detail page when the kind has a URL name (`list`: to the kind's list instead). */
export function ObjectLink({ kind, kindName, name, namespace, bare, list, cluster }: Props) {
  const label = bare || list ? name : `${kind}/${name}`;
  if (!kindName) return <>{label}</>;
  if (list) return <Link className={LINK} href={`/${kindName}`}>{label}</Link>;
  const ns = cluster || (isKindName(kindName) && !RESOURCES[kindName].namespaced) ? undefined : namespace;
  const href = `/${kindName}/${ns ? encodeURIComponent(ns) : '-'}/${encodeURIComponent(name)}`;
  return <Link prefetch={false} className={LINK} href={href}>{label}</Link>;
}
