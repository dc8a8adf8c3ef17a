'use client';

import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { KindName } from '@/lib/k8s/resources';
import type { BaseRow, RowByKind } from '@/lib/k8s/rows/types';
import { openLiveList } from './live-connection';
import { IDLE, LiveStore, type LiveSnapshot, type LiveStatus } from './live-store';

// The one list hook: every table reads its rows through here. Rows are live: the server lists, then watches, and
// streams changes (GET /api/k8s/{kind}/watch, Server-Sent Events); there is no polling. Components that ask for
// the same scope share one stream.

export interface ListScope { namespace?: string; labelSelector?: string; fieldSelector?: string }

/** Polling interval for data that is not streamed (object details, counts). */
export const REFRESH_MS = 2_000;
/** How long a stream outlives its last user, so a re-render or quick navigation does not reconnect. */
const LINGER_MS = 1_500;

function query(scope: ListScope): string {
  const q = new URLSearchParams();
  if (scope.namespace) q.set('namespace', scope.namespace);
  if (scope.labelSelector) q.set('labelSelector', scope.labelSelector);
  if (scope.fieldSelector) q.set('fieldSelector', scope.fieldSelector);
  const qs = q.toString();
  return qs ? `?${qs}` : '';
}

/** The one-shot JSON list (all rows). */
export function listUrl(kind: KindName, scope: ListScope = {}): string {
  return `/api/k8s/${kind}${query(scope)}`;
}

export function streamUrl(kind: KindName, scope: ListScope = {}): string {
  return `/api/k8s/${kind}/watch${query(scope)}`;
}

interface Entry { store: LiveStore; users: number; close?: () => void; linger?: ReturnType<typeof setTimeout> }
const streams = new Map<string, Entry>();

function entryFor(url: string): Entry {
  let e = streams.get(url);
  if (!e) streams.set(url, (e = { store: new LiveStore(), users: 0 }));
  return e;
}

function acquire(url: string): () => void {
  const e = entryFor(url);
  e.users++;
  if (e.linger) clearTimeout(e.linger);
  e.linger = undefined;
  e.close ??= openLiveList(url, e.store);
  return () => {
    if (--e.users > 0) return;
    e.linger = setTimeout(() => {
      e.close?.();
      streams.delete(url);
    }, LINGER_MS);
  };
}

function restart(url: string): void {
  const e = streams.get(url);
  if (!e?.close) return;
  e.close();
  e.store.resumeFrom = undefined;
  e.close = openLiveList(url, e.store);
}

const noSubscribe = () => () => {};
const idle = () => IDLE;
const seeded = new WeakMap<SeedRows, LiveSnapshot>();
function seededSnapshot(seed: SeedRows): LiveSnapshot {
  let snap = seeded.get(seed);
  if (!snap) seeded.set(seed, (snap = { rows: seed.rows, status: 'connecting', total: seed.total, synced: false }));
  return snap;
}

export interface ResourceList<K extends KindName> {
  rows: RowByKind[K][] | undefined;
  error: LiveSnapshot['error'];
  isLoading: boolean;
  /** Lists again from scratch (the stream keeps rows current by itself; this is for "reload"). */
  mutate: () => Promise<void>;
  live: LiveStatus;
  total?: number;
  synced: boolean;
}

/** Rows the server rendered into the page (its first page of the same scope), shown until the stream's own. */
export interface SeedRows { rows: BaseRow[]; total?: number }

export function useResourceList<K extends KindName>(kind: K, scope: ListScope = {}, enabled = true, seed?: SeedRows): ResourceList<K> {
  const url = enabled ? streamUrl(kind, scope) : null;
  // Streams live in the browser only; server rendering (and hydration) show the seed rows or the loading state.
  const store = url && typeof window !== 'undefined' ? entryFor(url).store : undefined;
  if (seed) store?.seed(seed.rows, seed.total);
  const serverSnap = useMemo(() => (seed ? () => seededSnapshot(seed) : idle), [seed]);
  useEffect(() => (url ? acquire(url) : undefined), [url]);
  const snap = useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.getSnapshot ?? serverSnap, serverSnap);
  const mutate = useCallback(async () => {
    if (url) restart(url);
  }, [url]);
  return {
    rows: snap.rows as RowByKind[K][] | undefined,
    error: snap.error,
    isLoading: enabled && !snap.rows && !snap.error,
    mutate,
    live: snap.status,
    total: snap.total,
    synced: snap.synced,
  };
}
