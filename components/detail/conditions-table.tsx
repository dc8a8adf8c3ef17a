import { formatAge } from '@/lib/format';
import type { ConditionInfo } from '@/lib/k8s/detail-types';
import { BOX, Section, TABLE, TD, TH, THEAD, TR } from './section';

export function ConditionsTable({ conditions, now }: { conditions: ConditionInfo[]; now: number }) {
  return (
    <Section id="conditions" title="Conditions">
      <div className={BOX}>
        <table className={TABLE} aria-label="Conditions">
          <thead className={THEAD}>
            <tr>
              <th scope="col" className={TH}>TYPE</th>
              <th scope="col" className={TH}>STATUS</th>
              <th scope="col" className={TH}>REASON</th>
              <th scope="col" className={TH}>MESSAGE</th>
              <th scope="col" className={TH}>LAST TRANSITION</th>
            </tr>
          </thead>
          <tbody>
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
            {!conditions.length && <tr><td colSpan={5} className="px-2 py-4 text-center text-zinc-500">No conditions</td></tr>}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
