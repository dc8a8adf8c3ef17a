import Link from 'next/link';
import { detailHref } from '@/components/resources/columns';
import { isKindName, RESOURCES } from '@/lib/k8s/resources';
import { LINK } from './section';

/** `Kind/name`, linked to its detail page when the console has one for that kind. */
export function ObjectLink({ kind, kindName, name, namespace, bare }: { kind: string; kindName?: string; name: string; namespace?: string; bare?: boolean }) {
  const label = bare ? name : `${kind}/${name}`;
  if (!kindName || !isKindName(kindName) || !(RESOURCES[kindName] as { detail?: boolean }).detail) return <>{label}</>;
  const ns = RESOURCES[kindName].namespaced ? namespace : undefined;
  return <Link className={LINK} href={detailHref(kindName, { name, namespace: ns })}>{label}</Link>;
}
