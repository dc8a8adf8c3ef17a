import 'server-only';
import { remember } from './ring';
import type { AuditRecord } from './types';

// The audit trail: one JSON line per action on stdout, where the cluster's log collection picks it up
// (`kubectl logs deploy/wheelhouse | grep '"type":"audit"'`). The record is built from parameters, never from
// headers or bodies, so it cannot carry the bearer token.

export function writeAudit(record: AuditRecord, sessionId?: string): void {
  process.stdout.write(`${JSON.stringify(record)}\n`);
  if (sessionId) remember(sessionId, record);
}
