import { formatAge } from '@/lib/format';
import type { ConditionInfo } from '@/lib/k8s/detail-types';
import { DetailTable } from './detail-table';
import { Section, TD, TR } from './section';

export function ConditionsTable({ conditions, now }: { conditions: ConditionInfo[]; now: number }) {
  return (
    <Section id="conditions" title="Conditions">
      <DetailTable label="Conditions" headers={['TYPE', 'STATUS', 'REASON', 'MESSAGE', 'LAST TRANSITION']} empty="No conditions" count={conditions.length}>
        {conditions.map((c) => (
          <tr key={c.type} data-row-name={c.type} className={TR}>
            <td data-col="type" className={`${TD} font-medium whitespace-nowrap`}>{c.type}</td>
            <td data-col="status" className={TD}>{c.status}</td>
            <td data-col="reason" className={`${TD} whitespace-nowrap`}>{c.reason ?? ''}</td>
            <td data-col="message" className={`${TD} break-words`}>{c.message ?? ''}</td>
            <td data-col="lastTransition" className={`${TD} whitespace-nowrap`}>
              {c.lastTransition ? <time dateTime={c.lastTransition} title={c.lastTransition}>{formatAge(c.lastTransition, now)} ago</time> : '<unknown>'}
            </td>
          </tr>
        ))}
      </DetailTable>
    </Section>
  );
}
