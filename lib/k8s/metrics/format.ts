// Usage as `kubectl top` prints it, and shares of requests/limits as k9s does. Client-safe, pure.

/** CPU as kubectl top prints it: whole millicores. */
export const formatCpu = (milli: number) => `${milli}m`;

/** Memory as kubectl top prints it: whole MiB, rounded down. */
export const formatMemory = (b: number) => `${Math.floor(b / 2 ** 20)}Mi`;

/** usage as a whole percentage of `base` (rounded down like kubectl top's CPU% / MEMORY%); undefined without a base. */
export function percent(usage: number, base: number | undefined): number | undefined {
  if (!base || base <= 0 || !Number.isFinite(usage)) return undefined;
  return Math.floor((usage * 100) / base);
}

export const formatPercent = (p: number | undefined) => (p === undefined ? 'n/a' : `${p}%`);

/** Memory for humans (the bars and charts): Mi below 10 GiB, Gi above. */
export function humanBytes(b: number): string {
  return b >= 10 * 2 ** 30 ? `${(b / 2 ** 30).toFixed(1)}Gi` : formatMemory(b);
}

/** CPU for humans: millicores below 10 cores, cores above. */
export function humanCpu(milli: number): string {
  return milli >= 10_000 ? `${(milli / 1000).toFixed(1)}` : formatCpu(milli);
}
