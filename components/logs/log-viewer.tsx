'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { ErrorPanel } from '@/components/ui/error-panel';
import { fetchJson, type FetchError } from '@/lib/client/fetch-json';
import type { ObjectDetail } from '@/lib/k8s/detail-types';
import { RESOURCES, type KindName } from '@/lib/k8s/resources';
import { LogOutput, matchingLines } from './log-output';
import { LogToolbar, type LogSettings } from './log-toolbar';
import { useLogStream } from './use-log-stream';

// Logs of a pod (one container at a time) or of a whole deployment (every pod, lines prefixed `[pod/container] `).

interface Props { kindName: KindName; namespace: string; name: string }

const STATE_TEXT = { idle: '', loading: 'Loading…', following: 'Following', done: 'End of log', error: 'Stopped' } as const;

function logUrl(base: string, s: LogSettings): string {
  const q = new URLSearchParams({ tailLines: String(s.tail) });
  if (s.container) q.set('container', s.container);
  if (s.follow) q.set('follow', '1');
  if (s.previous) q.set('previous', '1');
  if (s.timestamps) q.set('timestamps', '1');
  return `${base}/logs?${q}`;
}

export function LogViewer({ kindName, namespace, name }: Props) {
  const base = `/api/k8s/${kindName}/${namespace}/${encodeURIComponent(name)}`;
  const whole = kindName !== 'pods';
  const { data: detail, error: detailError } = useSWR<ObjectDetail, FetchError>(base, (u: string) => fetchJson<ObjectDetail>(u), { revalidateOnFocus: false });
  const containers = (detail?.containers ?? []).map((c) => ({ name: c.name, init: c.init }));
  const [chosen, setChosen] = useState<Omit<LogSettings, 'container'> & { container?: string }>({ tail: 500, follow: true, previous: false, timestamps: false });
  // A pod needs a container; until one is chosen it is the first regular one.
  const container = chosen.container ?? (whole ? '' : containers.find((c) => !c.init)?.name ?? containers[0]?.name ?? '');
  const settings: LogSettings = { ...chosen, container };
  const ready = whole || container !== '';
  const { lines, state, error } = useLogStream(ready ? logUrl(base, settings) : null, settings.follow);
  const [search, setSearch] = useState('');
  const [onlyMatches, setOnlyMatches] = useState(false);

  const download = () => {
    const url = URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/plain' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `${name}${container ? `-${container}` : ''}.log` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };

  return (
    <div className="space-y-3">
      <LogToolbar
        containers={containers}
        allContainers={whole}
        settings={settings}
        onChange={(patch) => setChosen((c) => ({ ...c, container, ...patch }))}
        search={search}
        onSearch={setSearch}
        onlyMatches={onlyMatches}
        onOnlyMatches={setOnlyMatches}
        onDownload={download}
        canDownload={lines.length > 0}
      />
      {detailError && !whole && <ErrorPanel error={detailError.body} action={`cannot list the containers of pod ${namespace}/${name}`} />}
      {error && <ErrorPanel error={error} action={`cannot read the logs of ${whole ? RESOURCES[kindName].kind.toLowerCase() : 'pod'} ${namespace}/${name}`} />}
      <p className="flex gap-3 text-xs text-zinc-500" aria-live="polite">
        <span data-testid="log-state" data-state={state}>{STATE_TEXT[state]}</span>
        <span data-testid="log-count">{lines.length} lines</span>
        {search && <span data-testid="log-matches">{matchingLines(lines, search)} matching</span>}
      </p>
      <LogOutput lines={lines} search={search} onlyMatches={onlyMatches} follow={settings.follow} />
    </div>
  );
}
