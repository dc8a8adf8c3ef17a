'use client';

import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { KindName } from '@/lib/k8s/resources';
import type { BaseRow, RowByKind } from '@/lib/k8s/rows/types';
import { openLiveList, type ListScope } from './live-list';
import { IDLE, LiveStore, type LiveSnapshot, type LiveStatus } from './live-store';
import { RefCounted } from './ref-counted';

// The one list hook: every table reads its rows through here. Rows are live: the server lists, then watches, and
// streams changes over the browser's one live connection (live-hub.ts, shared by all tabs); there is no polling.
// Components that ask for the same scope share one subscription; the last one to leave unsubscribes at once.

export type { ListScope } from './live-list';

/** Polling interval for data that is not streamed (object details, counts). */
export const REFRESH_MS = 2_000;

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

interface Entry { store: LiveStore; users: number; close?: () => void; kind: KindName; scope: ListScope }
const streams = new RefCounted<Entry>();

function restart(key: string): void {
  const e = streams.peek(key);
  if (!e?.close) return;
  e.close();
  e.store.resumeFrom = undefined;
  e.close = openLiveList(e.kind, e.scope, e.store);
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
  const clean: ListScope = { namespace: scope.namespace || undefined, labelSelector: scope.labelSelector || undefined, fieldSelector: scope.fieldSelector || undefined };
  const url = enabled ? `${kind}${query(clean)}` : null;
  // Streams live in the browser only; server rendering (and hydration) show the seed rows or the loading state.
  const entry = url && typeof window !== 'undefined' ? streams.get(url, () => ({ store: new LiveStore(), users: 0, kind, scope: clean })) : undefined;
  const store = entry?.store;
  if (seed) store?.seed(seed.rows, seed.total);
  const serverSnap = useMemo(() => (seed ? () => seededSnapshot(seed) : idle), [seed]);
  useEffect(() => (url && entry ? streams.acquire(url, entry, (e) => openLiveList(e.kind, e.scope, e.store)) : undefined), [url, entry]);
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
