import type { ApiErrorBody } from '@/lib/k8s/errors';
import type { Outcome } from './types';

// Result lines in kubectl's words: `deployment.apps/nginx configured`, `service "nginx" deleted`,
// `Error from server (Forbidden): …`.

/** kubectl's resource name for any discovered kind: "deployment.apps", "service", "widget.example.com". */
export function resourceName(kind: string, group: string): string {
  const base = kind.toLowerCase();
  return group ? `${base}.${group}` : base;
}

const VERBS: Record<Exclude<Outcome, 'error' | 'deleted' | 'notfound'>, string> = {
  create: 'would create',
  change: 'would change',
  unchanged: 'unchanged',
  created: 'created',
  configured: 'configured',
};

/** `deployment.apps/nginx created` (apply, preview) or `deployment.apps "nginx" deleted` (delete). */
export function outcomeLine(resource: string, name: string, outcome: Exclude<Outcome, 'error' | 'notfound'>): string {
  if (outcome === 'deleted') return `${resource} "${name}" deleted`;
  return `${resource}/${name} ${VERBS[outcome]}`;
}

/** Errors the API server gave read like kubectl's; errors found before sending start with "error:". */
export function errorLine(error: ApiErrorBody, fromServer: boolean, where?: string): string {
  const prefix = where ? `${where}: ` : '';
  return fromServer ? `Error from server (${error.reason}): ${prefix}${error.message}` : `error: ${prefix}${error.message}`;
}
