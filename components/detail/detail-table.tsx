import type { ReactNode } from 'react';
import { BOX, TABLE, TH, THEAD } from './section';

/** The small static tables of a detail page: a labelled table with kubectl-style headers and an empty state. */
export function DetailTable({ label, headers, empty, count, children }: {
  label: string;
  headers: string[];
  empty: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <div className={BOX}>
      <table className={TABLE} aria-label={label}>
        <thead className={THEAD}>
          <tr>
            {headers.map((h) => <th key={h} scope="col" className={TH}>{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {children}
          {count === 0 && <tr><td colSpan={headers.length} className="px-2 py-4 text-center text-zinc-500">{empty}</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
