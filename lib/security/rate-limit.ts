import 'server-only';

// Sliding-window counters per key, in this process's memory: each replica counts on its own, so N replicas allow
// up to N × the limit. Kept on globalThis because Next.js bundles each route separately and a module-level Map
// would exist once per bundle.
//
// `takeSlot` checks and records in one step, so attempts are counted BEFORE they run: N parallel attempts cannot
// all pass a limit of 1. A slot that should not count after all (a successful sign-in) is given back.

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

/** Removes one hit recorded at `at` (a slot given back). */
export function forgetHit(name: string, key: string, at: number): void {
  const hits = store(name).get(key);
  const i = hits?.lastIndexOf(at) ?? -1;
  if (hits && i >= 0) hits.splice(i, 1);
}

export interface Limit { name: string; key: string; limit: number; windowMs: number }

/**
 * Checks every limit and, only if all allow, records a hit in each — synchronously, so no other attempt can slip
 * in between. Returns the refusal of the first limit that is full, or a function that gives the slots back.
 */
export function takeSlot(limits: Limit[], now = Date.now()): { allowed: false; limit: Limit; retryAfterSeconds: number } | { allowed: true; release: () => void } {
  for (const l of limits) {
    const d = checkRate(l.name, l.key, l.limit, l.windowMs, now);
    if (!d.allowed) return { allowed: false, limit: l, retryAfterSeconds: d.retryAfterSeconds };
  }
  for (const l of limits) recordHit(l.name, l.key, now);
  return { allowed: true, release: () => limits.forEach((l) => forgetHit(l.name, l.key, now)) };
}

export function resetRateLimits(name: string): void {
  store(name).clear();
}
