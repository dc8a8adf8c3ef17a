import { ErrorPanel } from '@/components/ui/error-panel';
import type { EndpointInfo, Related } from '@/lib/k8s/detail-types';
import { ObjectLink } from './object-link';
import { DetailTable } from './detail-table';
import { Section, TD, TR } from './section';

// A service's endpoints (from its EndpointSlices): where its traffic goes.

export function EndpointsTable({ endpoints, namespace, service }: { endpoints: Related<EndpointInfo>; namespace?: string; service: string }) {
  if ('error' in endpoints) {
    return (
      <Section id="endpoints" title="Endpoints">
        <ErrorPanel error={endpoints.error} action={`cannot list the endpoints of service ${namespace}/${service}`} />
      </Section>
    );
  }
  const items = endpoints.items;
  return (
    <Section id="endpoints" title="Endpoints" aside={`${items.filter((e) => e.ready).length}/${items.length} ready`}>
      <DetailTable label="Endpoints" headers={['ADDRESS', 'READY', 'POD', 'NODE', 'PORTS']} empty="No endpoints" count={items.length}>
        {items.map((e) => (
          <tr key={`${e.address}/${e.targetPod ?? ''}`} data-row-name={e.address} className={TR}>
            <td data-col="address" className={`${TD} font-mono text-xs`}>{e.address}</td>
            <td data-col="ready" className={TD}>{e.ready ? 'true' : 'false'}</td>
            <td data-col="pod" className={TD}>{e.targetPod ? <ObjectLink kind="Pod" kindName="pods" name={e.targetPod} namespace={namespace} bare /> : '<none>'}</td>
            <td data-col="node" className={TD}>{e.node ? <ObjectLink kind="Node" kindName="nodes" name={e.node} bare /> : '<none>'}</td>
            <td data-col="ports" className={`${TD} font-mono text-xs`}>{e.ports || '<none>'}</td>
          </tr>
        ))}
      </DetailTable>
    </Section>
  );
}
