// Kubernetes resource quantities ("250m", "1.5", "123456n", "128Mi", "1e3") as plain numbers. Client-safe, no deps.
// client-node's quantityToScalar is not exported from its index and mixes number and bigint, so this is our own.

const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

/** The quantity in base units (cores, bytes); NaN when it is not a quantity. */
export function parseQuantity(q: string | undefined): number {
  const m = QUANTITY.exec((q ?? '').trim());
  if (!m) return NaN;
  return Number(m[1] + (m[2] ?? '')) * SUFFIX[m[3] ?? ''];
}

/** CPU in whole nanocores (metrics-server reports "123456789n"); sum these, then round once with milliOfNanos. */
export function nanoCpu(q: string | undefined): number {
  const v = parseQuantity(q);
  return Number.isFinite(v) ? Math.round(v * 1e9) : NaN;
}

/** Nanocores to millicores rounded up, as Kubernetes' Quantity.MilliValue() does. */
export const milliOfNanos = (n: number) => Math.ceil(n / 1e6) + 0;

/** CPU in millicores rounded up, as Kubernetes' Quantity.MilliValue() does (so "1n" is 1m, as `kubectl top` shows). */
export function milliCpu(q: string | undefined): number {
  // Through whole nanocores first, so binary float noise (0.3 cores = 300.00000000000006 m) does not round up.
  return milliOfNanos(nanoCpu(q));
}

/** Memory in bytes, rounded up to a whole byte. */
export function bytes(q: string | undefined): number {
  const v = parseQuantity(q);
  return Number.isFinite(v) ? Math.ceil(Math.round(v * 1e3) / 1e3) + 0 : NaN;
}
