'use client';

import Link from 'next/link';
import { useResourceList } from '@/components/resources/use-resource-list';
import { supports } from '@/lib/k8s/actions/permissions';
import type { KindName } from '@/lib/k8s/resources';
import type { DeploymentRow } from '@/lib/k8s/rows/types';
import { DeleteButton } from './delete-button';
import { BUTTON } from './guarded-button';
import { RestartButton } from './restart-button';
import { rolloutSettled } from './rollout-badge';
import { RolloutPanel } from './rollout-panel';
import { ScaleControl } from './scale-control';
import { ShellButton } from '@/components/terminal/shell-button';

// The detail page's actions for one object: Scale (scalable kinds), Restart (deployments), Logs (pods, deployments),
// Delete (pods, deployments, services). Each mutating control is enabled only if the cluster would allow it.

interface Props { kindName: KindName; namespace?: string; name: string }

export function ObjectActions({ kindName, namespace, name }: Props) {
  const scalable = supports(kindName, 'scale');
  // The object's own list row, live: the same rows (and optimistic updates) the table shows.
  const { rows } = useResourceList(kindName, { namespace, fieldSelector: `metadata.name=${name}` }, scalable);
  const row = rows?.find((r) => r.name === name) as DeploymentRow | undefined;
  const logsHref = `/${kindName}/${namespace ?? '-'}/${encodeURIComponent(name)}/logs`;
  return (
    <div className="flex flex-col items-end gap-2">
      <div role="toolbar" aria-label="Actions" className="flex flex-wrap items-center justify-end gap-2">
        {scalable && row && (
          <ScaleControl kindName={kindName} namespace={namespace} name={name} replicas={row.replicas} ready={row.readyReplicas} settled={rolloutSettled(row)} exact />
        )}
        {supports(kindName, 'restart') && <RestartButton kindName={kindName} namespace={namespace} name={name} />}
        {supports(kindName, 'logs') && (
          <Link href={logsHref} className={`${BUTTON} border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800`}>Logs</Link>
        )}
        {kindName === 'pods' && namespace && <ShellButton namespace={namespace} name={name} />}
        {supports(kindName, 'delete') && <DeleteButton kindName={kindName} namespace={namespace} name={name} />}
      </div>
      {kindName === 'deployments' && row && namespace && <RolloutPanel row={row} namespace={namespace} />}
    </div>
  );
}
