import 'server-only';

// Sliding-window counters per key (the client IP for sign-ins), in this process's memory: each replica counts on
// its own, so N replicas allow up to N × the limit. Kept on globalThis because Next.js bundles each route
// separately and a module-level Map would exist once per bundle.

const STORE = Symbol.for('wheelhouse.rate-limit');
const MAX_KEYS = 10_000;

function store(name: string): Map<string, number[]> {
  const g = globalThis as unknown as Record<symbol, Map<string, Map<string, number[]>> | undefined>;
  g[STORE] ??= new Map();
  let m = g[STORE].get(name);
  if (!m) g[STORE].set(name, (m = new Map()));
  return m;
}

function recent(name: string, key: string, windowMs: number, now: number): number[] {
  const hits = (store(name).get(key) ?? []).filter((t) => now - t < windowMs);
  if (hits.length) store(name).set(key, hits);
  else store(name).delete(key);
  return hits;
}

export interface RateDecision { allowed: boolean; retryAfterSeconds: number }

/** Whether another attempt is allowed: fewer than `limit` hits inside the last `windowMs`. Records nothing. */
export function checkRate(name: string, key: string, limit: number, windowMs: number, now = Date.now()): RateDecision {
  const hits = recent(name, key, windowMs, now);
  if (hits.length < limit) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((hits[hits.length - limit] + windowMs - now) / 1000)) };
}

/** Counts one hit for `key`. */
export function recordHit(name: string, key: string, now = Date.now()): void {
  const m = store(name);
  const hits = m.get(key) ?? [];
  hits.push(now);
  if (hits.length > 1_000) hits.splice(0, hits.length - 1_000);
  m.delete(key);
  m.set(key, hits);
  if (m.size > MAX_KEYS) m.delete(m.keys().next().value as string);
}

export function resetRateLimits(name: string): void {
  store(name).clear();
}
