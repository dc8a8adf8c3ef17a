import type { ReactNode } from 'react';
import type { ObjectDetail } from '@/lib/k8s/detail-types';
import { FieldList } from './field-list';
import { ObjectLink } from './object-link';
import { Section } from './section';
import { isTimestamp, Timestamp } from './timestamp';

// The kind-specific lines of `kubectl describe`, plus "Controlled By". Values that name another object link to it.

const MONO_FIELDS = new Set(['IP', 'Host IP', 'Cluster IP', 'External IP', 'Port(s)', 'Target ports', 'Selector', 'Addresses', 'Pod CIDR']);

function value(label: string, v: string, now: number): ReactNode {
  if (!v) return '<none>';
  if (label === 'Node' && v !== '<none>') return <ObjectLink kind="Node" kindName="nodes" name={v} bare />;
  if (isTimestamp(v)) return <Timestamp iso={v} now={now} />;
  if (MONO_FIELDS.has(label)) return <span className="font-mono text-xs">{v}</span>;
  return v;
}

export function SummarySection({ detail, now }: { detail: ObjectDetail; now: number }) {
  const owners: ReactNode = detail.owners.length ? (
    <span className="flex flex-wrap gap-x-3">
      {detail.owners.map((o) => <ObjectLink key={`${o.kind}/${o.name}`} {...o} namespace={detail.namespace} />)}
    </span>
  ) : '<none>';
  const fields: [string, ReactNode][] = detail.fields.map(([label, v]) => [label, value(label, v, now)]);
  if (detail.kindName !== 'nodes') fields.push(['Controlled by', owners]);
  return (
    <Section id="summary" title="Summary">
      <FieldList label="Summary" fields={fields} />
    </Section>
  );
}
