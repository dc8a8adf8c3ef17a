import type { AuditNote, AuditObject, AuditRecord } from './types';

// What can be told about an action from the request alone: the route's parameters and its last path segment.
// Handlers refine it with ctx.audit({...}) (e.g. apply's mode and dry run).

const MAX_FIELD = 253;

function clip(v: unknown): string | null {
  if (typeof v !== 'string' || !v) return null;
  return v.length > MAX_FIELD ? `${v.slice(0, MAX_FIELD)}…` : v;
}

export function deriveAction(method: string, pathname: string): string {
  const last = pathname.split('/').filter(Boolean).pop() ?? '';
  if (method === 'DELETE') return 'delete';
  if (['scale', 'restart', 'apply', 'exec', 'rollback'].includes(last)) return last;
  return `${method.toLowerCase()} ${clip(pathname) ?? '/'}`;
}

export interface AuditInput {
  requestId: string;
  user: string | null;
  method: string;
  pathname: string;
  query: URLSearchParams;
  params: unknown;
  note: AuditNote;
  status: number;
  reason: string;
  clientIp: string;
  now?: Date;
}

function clipObjects(objects: AuditObject[] | undefined): AuditObject[] | undefined {
  if (!objects?.length) return undefined;
  return objects.slice(0, 100).map((o) => ({ kind: clip(o.kind) ?? '', namespace: clip(o.namespace) ?? undefined, name: clip(o.name) ?? '', result: clip(o.result) ?? undefined }));
}

export function auditRecord(i: AuditInput): AuditRecord {
  const p = (typeof i.params === 'object' && i.params !== null ? i.params : {}) as Record<string, unknown>;
  const dryRunQuery = i.query.get('dryRun');
  const namespace = i.note.namespace ?? (p.namespace === '-' ? undefined : p.namespace);
  return {
    time: (i.now ?? new Date()).toISOString(),
    type: 'audit',
    requestId: i.requestId,
    user: i.user,
    action: clip(i.note.action) ?? deriveAction(i.method, i.pathname),
    kind: clip(i.note.kind ?? p.kind),
    namespace: clip(namespace),
    name: clip(i.note.name ?? p.name),
    dryRun: i.note.dryRun ?? (dryRunQuery === null ? null : dryRunQuery !== '' && dryRunQuery !== '0' && dryRunQuery !== 'false'),
    result: { status: i.status, reason: clip(i.reason) ?? 'Unknown' },
    clientIp: i.clientIp,
    method: i.method,
    path: clip(i.pathname) ?? '/',
    ...(clipObjects(i.note.objects) ? { objects: clipObjects(i.note.objects) } : {}),
  };
}
