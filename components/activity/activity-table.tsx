import type { AuditRecord } from '@/lib/audit/types';

// The audit records of one session, kubectl-dense: TIME, ACTION, OBJECT, DRY RUN, RESULT, CLIENT, REQUEST.

function objectLabel(r: AuditRecord): string {
  if (r.objects?.length) return r.objects.map((o) => `${o.kind}/${o.namespace ? `${o.namespace}/` : ''}${o.name}`).join(', ');
  if (!r.kind && !r.name) return '—';
  return `${r.kind ?? '?'}${r.namespace ? ` ${r.namespace}/` : ' '}${r.name ?? ''}`;
}

function resultClass(status: number): string {
  if (status < 300) return 'text-emerald-700 dark:text-emerald-400';
  if (status < 500) return 'text-amber-700 dark:text-amber-300';
  return 'text-red-700 dark:text-red-400';
}

const HEAD = ['TIME', 'ACTION', 'OBJECT', 'DRY RUN', 'RESULT', 'CLIENT', 'REQUEST'];

export function ActivityTable({ records }: { records: AuditRecord[] }) {
  if (!records.length) {
    return <p className="rounded border border-dashed border-zinc-300 p-4 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">No actions yet in this session.</p>;
  }
  return (
    <div className="overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
      <table aria-label="Activity" className="w-full text-left">
        <thead className="bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>{HEAD.map((h) => <th key={h} scope="col" className="px-3 py-2 font-medium">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 font-mono text-xs dark:divide-zinc-800">
          {records.map((r) => (
            <tr key={r.requestId} data-row-name={r.requestId} data-action={r.action}>
              <td data-col="time" className="whitespace-nowrap px-3 py-1.5">
                <time dateTime={r.time}>{r.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>
              </td>
              <td data-col="action" className="px-3 py-1.5">{r.action}</td>
              <td data-col="object" className="px-3 py-1.5">{objectLabel(r)}</td>
              <td data-col="dry-run" className="px-3 py-1.5">{r.dryRun === null ? '—' : r.dryRun ? 'yes' : 'no'}</td>
              <td data-col="result" className={`whitespace-nowrap px-3 py-1.5 ${resultClass(r.result.status)}`}>
                {r.result.status} {r.result.reason}
              </td>
              <td data-col="client" className="px-3 py-1.5">{r.clientIp}</td>
              <td data-col="request" className="px-3 py-1.5 text-zinc-500" title={r.requestId}>{r.requestId.slice(0, 8)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
