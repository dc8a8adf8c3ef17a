import { ApiError, badRequest } from '@/lib/k8s/errors';
import { clip } from '@/lib/k8s/validate';

// The log query (`kubectl logs` flags), checked before it becomes part of a pods/log URL.

export interface LogOptions {
  container?: string;
  tailLines?: number;
  previous: boolean;
  timestamps: boolean;
  follow: boolean;
}

export const MAX_TAIL_LINES = 10_000;
/** Without a tail the whole log is read; this caps what one request may pull through the console (all containers
 * of a deployment together: each of n containers gets LIMIT_BYTES / n). */
export const LIMIT_BYTES = 8 * 1024 * 1024;
/** Lines one request may return; a followed log ends after this many (the viewer reconnects for more). */
export const MAX_LINES = 100_000;
/** Bytes one followed log may stream before it ends (the viewer reconnects for more). */
export const MAX_FOLLOW_BYTES = 64 * 1024 * 1024;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function flag(q: URLSearchParams, key: string): boolean {
  const v = q.get(key);
  if (v === null || v === '' || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  throw new ApiError(badRequest(`${key} must be true or false`));
}

export function parseLogOptions(q: URLSearchParams): LogOptions {
  const opts: LogOptions = { previous: flag(q, 'previous'), timestamps: flag(q, 'timestamps'), follow: flag(q, 'follow') };
  const container = q.get('container');
  if (container) {
    if (container.length > 63 || !DNS1123_LABEL.test(container)) throw new ApiError(badRequest(`invalid container name "${clip(container)}"`));
    opts.container = container;
  }
  const tail = q.get('tailLines');
  if (tail !== null && tail !== '') {
    const n = /^\d+$/.test(tail) ? Number(tail) : Number.NaN;
    if (!(n >= 1 && n <= MAX_TAIL_LINES)) throw new ApiError(badRequest(`tailLines must be a whole number from 1 to ${MAX_TAIL_LINES}`));
    opts.tailLines = n;
  }
  return opts;
}

/** The pods/log query for one container. */
export function podLogQuery(opts: LogOptions, container: string | undefined, timestamps = opts.timestamps, limitBytes = LIMIT_BYTES): Record<string, string | number | boolean | undefined> {
  return {
    container,
    tailLines: opts.tailLines,
    previous: opts.previous || undefined,
    timestamps: timestamps || undefined,
    follow: opts.follow || undefined,
    limitBytes: opts.follow ? undefined : limitBytes,
  };
}
