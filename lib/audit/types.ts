// One audit record: one JSON line on stdout per state-changing request. Never a token, a body or a query string.

export interface AuditObject { kind: string; namespace?: string; name: string; result?: string }

/** What a handler may add about its own action (HandlerContext.audit); everything else is derived. */
export interface AuditNote {
  action?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  dryRun?: boolean;
  /** Several objects in one action (apply). */
  objects?: AuditObject[];
  /** A shell (lib/exec): what ran where and, at its end, how long and how many bytes — never what was typed. */
  exec?: ExecAudit;
}

export interface ExecAudit {
  container: string;
  command: string[];
  protocol?: string;
  /** Calls this connection made to the API server (0 for a refusal: every refusal comes before the first). */
  clusterCalls: number;
  durationMs?: number;
  ended?: string;
  exitCode?: number | null;
  bytesIn?: number;
  bytesOut?: number;
}

export interface AuditRecord {
  time: string;
  type: 'audit';
  requestId: string;
  /** The session's username (from the SelfSubjectReview at sign-in); null when there was no valid session. */
  user: string | null;
  action: string;
  kind: string | null;
  namespace: string | null;
  name: string | null;
  dryRun: boolean | null;
  result: { status: number; reason: string };
  clientIp: string;
  method: string;
  path: string;
  objects?: AuditObject[];
}
