import { StatusBadge } from '@/components/ui/status-badge';
import type { ContainerInfo } from '@/lib/k8s/detail-types';
import type { Health } from '@/lib/k8s/rows/types';
import { BOX, Section, TABLE, TD, TH, THEAD, TR } from './section';
import { withReadableTimes } from './timestamp';

// A pod's containers with their live state, or a workload's pod template (no state: those columns are left out).

const STATE_HEALTH: Record<string, Health> = { Running: 'ok', Waiting: 'warning', Terminated: 'neutral' };

function stateHealth(c: ContainerInfo): Health {
  if (c.state === 'Terminated') return c.stateDetail?.includes('exit code 0') ? 'neutral' : 'error';
  return STATE_HEALTH[c.state] ?? 'neutral';
}

export function ContainersTable({ containers, template }: { containers: ContainerInfo[]; template: boolean }) {
  const title = template ? 'Pod template' : 'Containers';
  return (
    <Section id="containers" title={title} aside={`${containers.length} container${containers.length === 1 ? '' : 's'}`}>
      <div className={BOX}>
        <table className={TABLE} aria-label={title}>
          <thead className={THEAD}>
            <tr>
              <th scope="col" className={TH}>NAME</th>
              <th scope="col" className={TH}>IMAGE</th>
              <th scope="col" className={TH}>PORTS</th>
              {!template && <th scope="col" className={TH}>STATE</th>}
              {!template && <th scope="col" className={TH}>READY</th>}
              {!template && <th scope="col" className={TH}>RESTARTS</th>}
            </tr>
          </thead>
          <tbody>
            {containers.map((c) => (
              <tr key={`${c.init ? 'init/' : ''}${c.name}`} data-row-name={c.name} className={TR}>
                <td data-col="name" className={`${TD} font-medium whitespace-nowrap`}>
                  {c.name}
                  {c.init && <span className="ml-1.5 rounded bg-violet-100 px-1 text-xs font-normal text-violet-900 dark:bg-violet-900/40 dark:text-violet-200">init</span>}
                </td>
                <td data-col="image" className={`${TD} font-mono text-xs break-all`}>{c.image}</td>
                <td data-col="ports" className={`${TD} font-mono text-xs`}>{c.ports}</td>
                {!template && (
                  <td data-col="state" className={TD}>
                    <StatusBadge health={stateHealth(c)}>{c.state}</StatusBadge>
                    {c.stateDetail && <span className="ml-1.5 text-xs text-zinc-600 dark:text-zinc-400">{withReadableTimes(c.stateDetail)}</span>}
                  </td>
                )}
                {!template && <td data-col="ready" className={TD}>{c.ready === undefined ? '—' : c.ready ? 'true' : 'false'}</td>}
                {!template && <td data-col="restarts" className={TD}>{c.restarts}</td>}
              </tr>
            ))}
            {!containers.length && <tr><td colSpan={6} className="px-2 py-4 text-center text-zinc-500">No containers</td></tr>}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
