'use client';

import { useRouter } from 'next/navigation';
import { offers } from '@/lib/k8s/actions/catalog';
import { RESOURCES, type KindName } from '@/lib/k8s/resources';
import { GuardedButton } from './guarded-button';
import { usePermission } from './use-permission';

// "Create" on a list page: the apply page with a commented template of the kind, in the selected namespace.

export function createHref(kind: KindName, namespace: string | undefined): string {
  return `/apply?template=${kind}${namespace ? `&ns=${encodeURIComponent(namespace)}` : ''}`;
}

export function CreateButton({ kind, namespace }: { kind: KindName; namespace?: string }) {
  const router = useRouter();
  const r = RESOURCES[kind];
  const permission = usePermission({ verb: 'create', group: r.group, resource: r.plural, ...(r.namespaced && namespace ? { namespace } : {}) });
  if (!offers(r, 'edit')) return null;
  return (
    <GuardedButton permission={permission} onClick={() => router.push(createHref(kind, r.namespaced ? namespace : undefined))} aria-label={`Create ${r.kind}`}>
      Create
    </GuardedButton>
  );
}
