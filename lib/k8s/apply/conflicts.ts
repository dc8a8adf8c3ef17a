import type { ApiErrorBody } from '@/lib/k8s/errors';
import type { FieldConflict } from './types';

// Pure: a server-side apply conflict (409, causes with reason FieldManagerConflict) → which fields, owned by whom.
// The cause message reads `conflict with "kubectl" using apps/v1` (or `… with subresource "scale" …`).

const MANAGER = /conflict with "((?:[^"\\]|\\.)*)"/;

export function conflictsOf(error: ApiErrorBody): FieldConflict[] {
  if (error.status !== 409) return [];
  return (error.causes ?? [])
    .filter((c) => c.reason === 'FieldManagerConflict')
    .map((c) => ({ field: c.field ?? '', manager: MANAGER.exec(c.message)?.[1] ?? 'another manager', message: c.message }));
}
