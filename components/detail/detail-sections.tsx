'use client';

import { DetailUsage } from '@/components/metrics/detail-usage';
import { COLUMNS, type Column } from '@/components/resources/columns';
import type { ObjectDetail } from '@/lib/k8s/detail-types';
import type { BaseRow } from '@/lib/k8s/rows/types';
import { ConditionsTable } from './conditions-table';
import { ContainersTable } from './containers-table';
import { EndpointsTable } from './endpoints-table';
import { eventColumns } from './event-columns';
import { LinksSection } from './links-section';
import { MetadataSection } from './metadata-section';
import { RelatedTable } from './related-table';
import { SecretKeys } from './secret-keys';
import { SummarySection } from './summary-section';
import { YamlSection } from './yaml-section';
import { tableColumns } from '@/components/resources/table-columns';

// The body of a detail page, in `kubectl describe` order: summary and metadata side by side, then containers,
// conditions, endpoints, pods and events. Sections a kind does not have are left out.

const podColumns = COLUMNS.pods as Column<BaseRow>[];
const objectEventColumns = eventColumns({ hide: ['object'] });

export function DetailSections({ detail, now }: { detail: ObjectDetail; now: number }) {
  const ns = detail.namespace;
  const where = ns ? ` in ${ns}` : '';
  const isPod = detail.kindName === 'pods';
  return (
    <div className="space-y-5">
      <div className="grid gap-x-8 gap-y-5 lg:grid-cols-2">
        <SummarySection detail={detail} now={now} />
        <MetadataSection detail={detail} now={now} />
      </div>
      {detail.secretKeys && detail.namespace && <SecretKeys namespace={detail.namespace} name={detail.name} keys={detail.secretKeys} />}
      {detail.links && <LinksSection groups={detail.links} namespace={ns} />}
      {(detail.containers.length > 0 || isPod) && <ContainersTable containers={detail.containers} template={!isPod} />}
      <DetailUsage detail={detail} />
      {(detail.conditions.length > 0 || isPod || detail.kindName === 'nodes') && <ConditionsTable conditions={detail.conditions} now={now} />}
      {detail.endpoints && <EndpointsTable endpoints={detail.endpoints} namespace={ns} service={detail.name} />}
      {detail.pods && (
        <RelatedTable
          id="pods" title="Pods" related={detail.pods} columns={podColumns}
          allNamespaces={detail.kindName === 'nodes'}
          errorAction={detail.kindName === 'nodes' ? `cannot list the pods on node ${detail.name}` : `cannot list pods${where}`}
          emptyText={detail.kindName === 'nodes' ? 'No pods on this node' : 'No pods match the selector'}
        />
      )}
      {detail.lists?.map((l) => (
        <RelatedTable
          key={l.id} id={l.id} title={l.title} related={l.rows} columns={tableColumns(l.kindName, l.columns, false) as Column<BaseRow>[]}
          errorAction={`cannot list ${l.kindName}${where}`} emptyText={`No ${l.title.toLowerCase()}`}
        />
      ))}
      <RelatedTable
        id="events" title="Events" related={detail.events} columns={objectEventColumns}
        errorAction={`cannot list events${where}`} emptyText="No events"
      />
      <YamlSection yaml={detail.yaml} managedFieldsYaml={detail.managedFieldsYaml} />
    </div>
  );
}
