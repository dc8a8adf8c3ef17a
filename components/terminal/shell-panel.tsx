'use client';

import dynamic from 'next/dynamic';
import { useCallback, useState } from 'react';
import useSWR from 'swr';
import { ErrorPanel } from '@/components/ui/error-panel';
import { fetchJson, type FetchError } from '@/lib/client/fetch-json';
import type { ObjectDetail } from '@/lib/k8s/detail-types';
import { useExecPermission } from './exec-permission';
import type { ShellState } from './shell-socket';

// A pod's shell: container picker, an optional command (empty: bash, else sh), connect / disconnect, the terminal
// and a status line. Nothing connects until the user asks, and only when the access review allows it.

const TerminalView = dynamic(() => import('./terminal-view').then((m) => m.TerminalView), { ssr: false });

const INPUT = 'rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900';
const BUTTON = 'rounded border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800';

function statusText(s: ShellState | undefined): string {
  if (!s) return 'Not connected';
  if (s.state === 'connecting') return 'Connecting…';
  if (s.state === 'open') return `Connected: ${s.shell} (${s.protocol})`;
  return s.message;
}

export function ShellPanel({ namespace, pod }: { namespace: string; pod: string }) {
  const base = `/api/k8s/pods/${namespace}/${encodeURIComponent(pod)}`;
  const { data, error } = useSWR<ObjectDetail, FetchError>(base, (u: string) => fetchJson<ObjectDetail>(u), { revalidateOnFocus: false });
  const containers = (data?.containers ?? []).filter((c) => !c.init).map((c) => c.name);
  const permission = useExecPermission(namespace, pod);
  const [picked, setPicked] = useState<string>();
  const [command, setCommand] = useState('');
  const [session, setSession] = useState<{ key: number; container: string; command: string }>();
  const [state, setState] = useState<ShellState>();
  const onState = useCallback((s: ShellState) => setState(s), []);
  const container = picked ?? containers[0] ?? '';
  const live = state?.state === 'open' || state?.state === 'connecting';

  const connect = () => setSession({ key: Date.now(), container, command: command.trim() });
  const disconnect = () => {
    setSession(undefined);
    setState({ state: 'ended', how: 'closed-by-user', message: 'Closed.' });
  };

  return (
    <div className="space-y-3">
      <div role="toolbar" aria-label="Shell" className="flex flex-wrap items-center gap-2 text-sm">
        <label className="inline-flex items-center gap-1.5">
          Container
          <select className={INPUT} value={container} onChange={(e) => setPicked(e.target.value)} data-testid="shell-container">
            {containers.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label className="inline-flex items-center gap-1.5">
          Command
          <input className={INPUT} value={command} onChange={(e) => setCommand(e.target.value)} placeholder="bash, else sh" maxLength={1024} data-testid="shell-command" />
        </label>
        <button type="button" className={BUTTON} disabled={!permission.allowed || !container} title={permission.allowed ? undefined : permission.reason} onClick={connect} data-testid="shell-connect">
          {session && live ? 'Reconnect' : 'Connect'}
        </button>
        <button type="button" className={BUTTON} disabled={!session || !live} onClick={disconnect} data-testid="shell-disconnect">Disconnect</button>
      </div>
      {!permission.allowed && !permission.loading && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{permission.reason}</p>}
      {error && <ErrorPanel error={error.body} action={`cannot read pod ${namespace}/${pod}`} />}
      <p className="text-xs text-zinc-500" aria-live="polite" data-testid="shell-state" data-state={state?.state ?? 'idle'}>{statusText(state)}</p>
      {session && <TerminalView key={session.key} namespace={namespace} pod={pod} container={session.container} command={session.command || undefined} onState={onState} />}
    </div>
  );
}
