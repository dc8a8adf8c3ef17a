'use client';

import Link from 'next/link';
import { GenericActions, ObjectActions } from '@/components/actions/object-actions';
import type { KindDescriptor } from '@/lib/k8s/actions/catalog';
import { withNamespace } from '@/components/layout/use-namespace';
import { formatAge } from '@/lib/format';
import { isKindName } from '@/lib/k8s/resources';
import { LINK } from './section';

interface Props { kindName: string; kind: string; title: string; descriptor: KindDescriptor; namespace?: string; name: string; created?: string; now: number; actions: boolean }

/** Breadcrumb back to the list, kind + name, namespace, age, and the object's actions. */
export function DetailHeader({ kindName, kind, title, descriptor, namespace, name, created, now, actions }: Props) {
  return (
    <header className="space-y-1">
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500">
        <Link className={LINK} href={withNamespace(`/${kindName}`, namespace)}>{title}</Link>
        {namespace && <span> / {namespace}</span>}
        <span> / {name}</span>
      </nav>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-lg font-semibold">
          <span className="font-normal text-zinc-500">{kind}</span> {name}
        </h1>
        <dl className="flex gap-4 text-zinc-600 dark:text-zinc-400">
          {namespace && (
            <div className="flex gap-1"><dt>Namespace</dt><dd data-testid="detail-namespace" className="font-medium text-zinc-900 dark:text-zinc-100">{namespace}</dd></div>
          )}
          {created && (
            <div className="flex gap-1">
              <dt>Age</dt>
              <dd className="font-medium text-zinc-900 dark:text-zinc-100"><time dateTime={created} title={created}>{formatAge(created, now)}</time></dd>
            </div>
          )}
        </dl>
        {actions && (
          <div className="ml-auto">
            {isKindName(kindName) ? <ObjectActions kindName={kindName} namespace={namespace} name={name} /> : <GenericActions kindName={kindName} descriptor={descriptor} namespace={namespace} name={name} />}
          </div>
        )}
      </div>
    </header>
  );
}
