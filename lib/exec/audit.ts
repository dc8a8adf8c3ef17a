import 'server-only';
import { randomUUID } from 'node:crypto';
import { writeAudit } from '@/lib/audit/log';
import type { AuditRecord, ExecAudit } from '@/lib/audit/types';
import { EXEC_PATH, type ExecTarget } from './protocol';

// The exec audit lines: `exec` when a shell opens (or is refused), `exec-end` when it ends. Built from the target
// and counters only: the terminal's contents never reach this module.

export interface ExecAuditContext {
  requestId: string;
  user: string | null;
  sid?: string;
  clientIp: string;
  target?: Pick<ExecTarget, 'namespace' | 'pod' | 'container'>;
}

export function newRequestId(): string {
  return randomUUID();
}

export function auditExec(ctx: ExecAuditContext, action: 'exec' | 'exec-end', result: { status: number; reason: string }, exec: ExecAudit | undefined): void {
  const record: AuditRecord = {
    time: new Date().toISOString(),
    type: 'audit',
    requestId: ctx.requestId,
    user: ctx.user,
    action,
    kind: 'pods',
    namespace: ctx.target?.namespace ?? null,
    name: ctx.target?.pod ?? null,
    dryRun: null,
    result,
    clientIp: ctx.clientIp,
    method: 'GET',
    path: EXEC_PATH,
    ...(exec ? { exec } : {}),
  };
  writeAudit(record, ctx.sid);
}
