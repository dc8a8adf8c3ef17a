'use client';

import Link from 'next/link';
import { ObjectPanels } from '@/components/actions/object-actions';
import { withNamespace } from '@/components/layout/use-namespace';
import { ErrorPanel } from '@/components/ui/error-panel';
import type { KindDescriptor } from '@/lib/k8s/actions/catalog';
import { isKindName } from '@/lib/k8s/resources';
import { DetailHeader } from './detail-header';
import { DetailSkeleton } from './detail-skeleton';
import { DetailSections } from './detail-sections';
import { LINK } from './section';
import { useNow } from './use-now';
import { useObjectDetail } from './use-object-detail';

// `kubectl describe` for one object, live: loads the ObjectDetail and refreshes it every 2 s.

interface Props { kindName: string; kind: string; title: string; descriptor: KindDescriptor; namespace?: string; name: string }

export function ObjectDetail({ kindName, kind, title, descriptor, namespace, name }: Props) {
  const { detail, error, isLoading } = useObjectDetail(kindName, namespace, name);
  const now = useNow();
  const what = `${kind.toLowerCase()} ${namespace ? `${namespace}/` : ''}${name}`;
  const gone = error?.reason === 'NotFound' || error?.status === 404;
  return (
    <div className="space-y-5">
      <DetailHeader kindName={kindName} kind={kind} title={title} descriptor={descriptor} namespace={namespace} name={name} created={detail?.created} now={now} actions={!!detail && !gone} />
      {gone ? (
        <div role="alert" data-reason="NotFound" className="rounded border border-zinc-300 bg-zinc-50 p-4 dark:border-zinc-700 dark:bg-zinc-900">
          <p className="font-medium">{what} not found</p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">
            It may have been deleted. <Link className={LINK} href={withNamespace(`/${kindName}`, namespace)}>Back to {title}</Link>
          </p>
        </div>
      ) : (
        <>
          {error && <ErrorPanel error={error} action={`cannot get ${what}`} />}
          {detail && isKindName(kindName) && <ObjectPanels kindName={kindName} namespace={namespace} name={name} now={now} />}
          {detail ? <DetailSections detail={detail} now={now} /> : isLoading && <DetailSkeleton />}
        </>
      )}
    </div>
  );
}
