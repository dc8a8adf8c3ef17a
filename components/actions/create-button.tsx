'use client';

import { useRouter } from 'next/navigation';
import { offers } from '@/lib/k8s/actions/catalog';
import { refName, resourceFor, type KindRef } from '@/lib/k8s/resources';
import { GuardedButton } from './guarded-button';
import { usePermission } from './use-permission';

// "Create" on a list page: the apply page with a commented template of the kind, in the selected namespace.

export function createHref(kind: string, namespace: string | undefined): string {
  return `/apply?template=${encodeURIComponent(kind)}${namespace ? `&ns=${encodeURIComponent(namespace)}` : ''}`;
}

export function CreateButton({ kind, namespace }: { kind: KindRef; namespace?: string }) {
  const router = useRouter();
  const r = resourceFor(kind);
  const permission = usePermission({ verb: 'create', group: r.group, resource: r.plural, ...(r.namespaced && namespace ? { namespace } : {}) });
  if (!offers(r, 'edit')) return null;
  return (
    <GuardedButton permission={permission} onClick={() => router.push(createHref(refName(kind), r.namespaced ? namespace : undefined))} aria-label={`Create ${r.kind}`}>
      Create
    </GuardedButton>
  );
}
