import type { ApiErrorBody } from '@/lib/k8s/errors';

// The contract of POST /api/apply, shared by the route and the apply page (no runtime code: client-safe).

export type ApplyMode = 'preview' | 'apply' | 'delete';

/** Preview: create | change | unchanged. Apply: created | configured | unchanged. Delete: deleted | notfound. */
export type Outcome = 'create' | 'change' | 'unchanged' | 'created' | 'configured' | 'deleted' | 'notfound' | 'error';

/** One field another manager owns, from a server-side apply conflict (409 FieldManagerConflict). */
export interface FieldConflict { field: string; manager: string; message: string }

export interface DocResult {
  /** Position in the YAML stream, from 0 (items of a `kind: List` count one each). */
  index: number;
  /** 1-based line where the document starts in the submitted text. */
  startLine: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  /** kubectl's resource name, once the kind is resolved: "deployment.apps", "service". */
  resource?: string;
  /** The namespace the object lives in (the document's own, else the selected one); absent for cluster-scoped kinds. */
  namespace?: string;
  outcome: Outcome;
  /** The result in kubectl's words: `deployment.apps/nginx configured`, `service "x" deleted`. */
  line: string;
  /** Unified diff, live object → dry-run result (preview of a change only). */
  diff?: string;
  error?: ApiErrorBody;
  conflicts?: FieldConflict[];
  /** The API server's Warning headers for this document. */
  warnings?: string[];
  /** Preview only: whether a SelfSubjectAccessReview allows deleting this object. */
  deletable?: boolean;
  /** Why the outcome could not be fully checked (e.g. its namespace is created by an earlier document). */
  note?: string;
}

export interface ApplyRequest {
  yaml: string;
  namespace?: string;
  mode: ApplyMode;
  force?: boolean;
  onlyValid?: boolean;
}

export interface ApplyResponse {
  mode: ApplyMode;
  documents: DocResult[];
  /** Every document's warnings, prefixed with the object they are about. */
  warnings: string[];
}

/** Limits checked before anything is sent to the API server. */
export const APPLY_LIMITS = { maxBytes: 1024 * 1024, maxDocuments: 200, maxAliasCount: 100 } as const;
