import 'server-only';
import { ApiError, type ApiErrorBody } from '@/lib/k8s/errors';

// Every open live connection of this server process, with the caps on them. Route handlers are separate bundles
// in Next's production build, so module-level state would exist once per route: the registry lives on globalThis
// under a registered symbol, and the GET that opens a connection and the POSTs that subscribe on it see the same
// one.

export interface RegisteredConnection {
  readonly id: string;
  readonly sid: string;
  /** Open subscriptions on this connection. */
  readonly size: number;
}

interface Registry { conns: Map<string, RegisteredConnection> }
const KEY = Symbol.for('wheelhouse.live');

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[KEY] ??= { conns: new Map() });
}

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/**
 * One browser shares one connection across all its tabs, so a session needs one; a few more cover a leader hand-off
 * in flight and a second browser window that does not share locks (private windows are other sessions anyway).
 */
export function liveLimits() {
  return {
    connectionsPerSession: envInt('WHEELHOUSE_LIVE_MAX_CONNECTIONS_PER_SESSION', 4),
    subscriptionsPerSession: envInt('WHEELHOUSE_LIVE_MAX_SUBSCRIPTIONS_PER_SESSION', 200),
    connections: envInt('WHEELHOUSE_LIVE_MAX_CONNECTIONS', 1_000),
    subscriptions: envInt('WHEELHOUSE_LIVE_MAX_SUBSCRIPTIONS', 10_000),
  };
}

const tooMany = (message: string): ApiErrorBody => ({ status: 429, reason: 'TooManyRequests', message });

function counts(sid?: string) {
  let connections = 0, subscriptions = 0, mine = 0, mySubs = 0;
  for (const c of registry().conns.values()) {
    connections++;
    subscriptions += c.size;
    if (c.sid === sid) {
      mine++;
      mySubs += c.size;
    }
  }
  return { connections, subscriptions, mine, mySubs };
}

/** Why this session may not open another connection now, if it may not. */
export function connectionRefusal(sid: string): ApiErrorBody | undefined {
  const l = liveLimits();
  const c = counts(sid);
  if (c.mine >= l.connectionsPerSession) {
    return tooMany(`This session already has ${c.mine} live connections open (the limit is ${l.connectionsPerSession}). Close console windows you do not use, or sign in again.`);
  }
  if (c.connections >= l.connections) return tooMany('The console serves as many live connections as it allows right now. Try again in a minute.');
  return undefined;
}

/** Why `n` more subscriptions may not start for this session, if they may not. */
export function subscriptionRefusal(sid: string, n: number): ApiErrorBody | undefined {
  const l = liveLimits();
  const c = counts(sid);
  if (c.mySubs + n > l.subscriptionsPerSession) {
    return tooMany(`This session has ${c.mySubs} live lists and logs open (the limit is ${l.subscriptionsPerSession}). Close some console tabs.`);
  }
  if (c.subscriptions + n > l.subscriptions) return tooMany('The console serves as many live lists as it allows right now. Try again in a minute.');
  return undefined;
}

export function register(c: RegisteredConnection): void {
  registry().conns.set(c.id, c);
}

export function unregister(c: RegisteredConnection): void {
  if (registry().conns.get(c.id) === c) registry().conns.delete(c.id);
}

/** The session's own connection: another session's id, or an unknown one, is the same 404 (ids reveal nothing). */
export function connectionOf<C extends RegisteredConnection>(id: string, sid: string): C {
  const c = registry().conns.get(id);
  if (!c || c.sid !== sid) throw new ApiError({ status: 404, reason: 'NotFound', message: 'This live connection is closed; the console reconnects by itself.' });
  return c as C;
}

/** For tests and the bench (GET /api/live?stats=1 answers the caller's own share and the totals). */
export function liveStats(sid?: string) {
  const c = counts(sid);
  return { connections: c.connections, subscriptions: c.subscriptions, session: { connections: c.mine, subscriptions: c.mySubs } };
}
