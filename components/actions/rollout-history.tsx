'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { DiffView } from '@/components/apply/diff-view';
import { ErrorPanel } from '@/components/ui/error-panel';
import { formatAge } from '@/lib/format';
import { fetchJson, type FetchError } from '@/lib/client/fetch-json';
import type { KindName } from '@/lib/k8s/resources';
import { ActionButton } from './action-button';
import { objectUrl } from './urls';

// `kubectl rollout history`, live (5 s): revision, age, change-cause and images; any two revisions' pod templates
// compared; "Roll back" to one of them (`kubectl rollout undo --to-revision`).

interface Revision { revision: number; created?: string; changeCause?: string; images: string[] }
interface History { revisions: Revision[]; current?: number; diff?: string }
interface Props { kindName: KindName; namespace: string; name: string; now: number }

export function RolloutHistory({ kindName, namespace, name, now }: Props) {
  const url = objectUrl(kindName, namespace, name, 'revisions');
  const { data, error, mutate } = useSWR<History, FetchError>(url, (u: string) => fetchJson<History>(u), { refreshInterval: 5_000 });
  const [pair, setPair] = useState<[number, number]>();
  const { data: compared } = useSWR<History, FetchError>(pair ? `${url}?from=${pair[0]}&to=${pair[1]}` : null, (u: string) => fetchJson<History>(u));
  if (error) return <ErrorPanel error={error.body} action="cannot read the rollout history" />;
  if (!data) return null;
  const latest = data.revisions.at(-1)?.revision;
  return (
    <section aria-label="Rollout history" data-testid="rollout-history" className="space-y-2">
      <h2 className="font-semibold">Rollout history</h2>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500"><tr><th>REVISION</th><th>AGE</th><th>CHANGE-CAUSE</th><th>IMAGES</th><th /></tr></thead>
        <tbody>
          {data.revisions.map((r) => (
            <tr key={r.revision} data-revision={r.revision} className="border-t border-zinc-200 dark:border-zinc-800">
              <td className="tabular-nums">{r.revision}{r.revision === data.current ? ' (current)' : ''}</td>
              <td>{formatAge(r.created, now)}</td>
              <td>{r.changeCause ?? '<none>'}</td>
              <td className="font-mono text-xs">{r.images.join(', ')}</td>
              <td className="flex flex-wrap justify-end gap-2 py-1">
                {latest !== undefined && r.revision !== latest && (
                  <button type="button" className="text-xs text-sky-700 hover:underline dark:text-sky-400" onClick={() => setPair([r.revision, latest])}>
                    Diff with {latest}
                  </button>
                )}
                {r.revision !== data.current && (
                  <ActionButton
                    kindName={kindName} namespace={namespace} name={name} action="undo" body={{ revision: r.revision }}
                    label={`Roll back to ${r.revision}`} onDone={() => void mutate()}
                    confirm={<p>The pod template of revision {r.revision} ({r.images.join(', ')}) becomes the current one, as <code className="font-mono">kubectl rollout undo --to-revision={r.revision}</code> does.</p>}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.revisions.length > 1 && (
        <div className="flex items-center gap-2 text-xs">
          Compare pod templates: revision
          {[0, 1].map((i) => (
            <select
              key={i} aria-label={i ? 'To revision' : 'From revision'} value={pair?.[i] ?? ''}
              onChange={(e) => {
                const v = Number(e.target.value);
                const next: [number, number] = pair ? [...pair] : [data.revisions[0].revision, latest ?? 0];
                next[i] = v;
                setPair(next);
              }}
              className="rounded border border-zinc-300 bg-white px-1 dark:border-zinc-700 dark:bg-zinc-900"
            >
              <option value="" disabled>—</option>
              {data.revisions.map((r) => <option key={r.revision} value={r.revision}>{r.revision}</option>)}
            </select>
          ))}
        </div>
      )}
      {pair && compared?.diff && <DiffView diff={compared.diff} label={`Pod template, revision ${pair[0]} → ${pair[1]}`} />}
    </section>
  );
}
