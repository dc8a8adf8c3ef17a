'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useResourceList } from '@/components/resources/use-resource-list';
import { capabilities, checksFor, isObjectAction, type KindDescriptor } from '@/lib/k8s/actions/catalog';
import { RESOURCES, type KindName } from '@/lib/k8s/resources';
import type { DeploymentRow, ReplicaSetRow } from '@/lib/k8s/rows/types';
import { ActionButton } from './action-button';
import { ACTION_SPECS } from './action-specs';
import { DeleteButton } from './delete-button';
import { DrainButton } from './drain-button';
import { BUTTON, GuardedButton } from './guarded-button';
import { RestartButton } from './restart-button';
import { rolloutSettled } from './rollout-badge';
import { RolloutHistory } from './rollout-history';
import { RolloutPanel } from './rollout-panel';
import { LiveScale } from './live-scale';
import { ScaleControl } from './scale-control';
import { usePermissions } from './use-permission';
import { supports } from '@/lib/k8s/actions/permissions';
import { ShellButton } from '@/components/terminal/shell-button';

// The seam between a detail page and the actions: what an object offers comes from the catalog (data over the
// kind's group/kind/scope/subresources); each control checks its permission with an access review.

interface Props { kindName: KindName; namespace?: string; name: string }

const WITH_ROLLOUT = new Set<KindName>(['deployments', 'statefulsets', 'daemonsets']);

/** The live replicas of a scalable row, whatever its kind's row shape. */
function scaleOf(row: DeploymentRow | ReplicaSetRow) {
  if ('desired' in row) return { replicas: row.desired, ready: row.ready, settled: row.ready === row.desired };
  return { replicas: row.replicas, ready: row.readyReplicas, settled: rolloutSettled(row) };
}

export function ObjectActions({ kindName, namespace, name }: Props) {
  const router = useRouter();
  const caps = capabilities(RESOURCES[kindName]);
  const live = caps.includes('scale') || WITH_ROLLOUT.has(kindName);
  const { rows } = useResourceList(kindName, { namespace, fieldSelector: `metadata.name=${name}` }, live);
  const row = rows?.find((r) => r.name === name) as DeploymentRow | ReplicaSetRow | undefined;
  const [edit] = usePermissions(checksFor('edit', RESOURCES[kindName], namespace, name));
  const base = `/${kindName}/${namespace ?? '-'}/${encodeURIComponent(name)}`;
  const scale = row && scaleOf(row);
  return (
    <div className="flex flex-col items-end gap-2">
      <div role="toolbar" aria-label="Actions" className="flex flex-wrap items-center justify-end gap-2">
        {caps.includes('scale') && scale && (
          <ScaleControl kindName={kindName} r={RESOURCES[kindName]} namespace={namespace} name={name} replicas={scale.replicas} ready={scale.ready} settled={scale.settled} exact />
        )}
        {caps.includes('edit') && <GuardedButton permission={edit} onClick={() => router.push(`${base}/edit`)} aria-label={`Edit ${name}`}>Edit</GuardedButton>}
        {caps.includes('restart') && <RestartButton kindName={kindName} namespace={namespace} name={name} />}
        {caps.filter(isObjectAction).filter((a) => ACTION_SPECS[a]).map((a) => (
          <ActionButton key={a} kindName={kindName} namespace={namespace} name={name} action={a} {...ACTION_SPECS[a]!} />
        ))}
        {caps.includes('drain') && <DrainButton name={name} />}
        {supports(kindName, 'logs') && (
          <Link href={`${base}/logs`} className={`${BUTTON} border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800`}>Logs</Link>
        )}
        {caps.includes('delete') && <DeleteButton kindName={kindName} r={RESOURCES[kindName]} namespace={namespace} name={name} />}
        {kindName === 'pods' && namespace && <ShellButton namespace={namespace} name={name} />}
      </div>
      {WITH_ROLLOUT.has(kindName) && row && namespace && 'progress' in row && <RolloutPanel row={row} namespace={namespace} />}
    </div>
  );
}

/** Below the header: what an action needs more room for (the rollout history). */
export function ObjectPanels({ kindName, namespace, name, now }: Props & { now: number }) {
  if (!namespace || !capabilities(RESOURCES[kindName]).includes('history')) return null;
  return <RolloutHistory kindName={kindName} namespace={namespace} name={name} now={now} />;
}

/** Any other kind the server serves (a CRD's objects): edit, delete and scale, as data over its discovered descriptor. */
export function GenericActions({ kindName, descriptor, namespace, name }: { kindName: string; descriptor: KindDescriptor; namespace?: string; name: string }) {
  const router = useRouter();
  const caps = capabilities(descriptor);
  const [edit] = usePermissions(checksFor('edit', descriptor, namespace, name));
  return (
    <div role="toolbar" aria-label="Actions" className="flex flex-wrap items-center justify-end gap-2">
      {caps.includes('scale') && <LiveScale kindName={kindName} r={descriptor} namespace={namespace} name={name} />}
      {caps.includes('edit') && (
        <GuardedButton permission={edit} onClick={() => router.push(`/${kindName}/${namespace ?? '-'}/${encodeURIComponent(name)}/edit`)} aria-label={`Edit ${name}`}>Edit</GuardedButton>
      )}
      {caps.includes('delete') && <DeleteButton kindName={kindName} r={descriptor} namespace={namespace} name={name} />}
    </div>
  );
}
