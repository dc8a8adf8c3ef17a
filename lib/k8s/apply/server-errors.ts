import type { ApiErrorBody, ErrorCause } from '@/lib/k8s/errors';

// Pure: server-side apply reports schema errors (an unknown field, a wrong type) as a 500 "failed to create typed
// patch object" with Go-formatted values. They are the user's mistakes, so they become a 400 with one cause per field.

const TYPED_PATCH = /^failed to create typed patch object \([^)]*\): ([\s\S]*)$/;
const FIELD_ERROR = /^(\.\S*): (.*)$/;

function readable(message: string): string {
  return message
    .replace(/, got &value\.valueUnstructured\{Value:map\[.*$/, ', got an object')
    .replace(/, got &value\.valueUnstructured\{Value:\[\].*$/, ', got a list')
    .replace(/, got &value\.valueUnstructured\{Value:(.*)\}$/, ', got $1');
}

function causeOf(line: string): ErrorCause {
  const m = FIELD_ERROR.exec(line.trim());
  if (!m) return { message: readable(line.trim()) };
  const unknown = m[2] === 'field not declared in schema';
  return { field: m[1], reason: unknown ? 'FieldValueUnknown' : 'FieldValueTypeInvalid', message: unknown ? 'unknown field' : readable(m[2]) };
}

export function normalizeApplyError(error: ApiErrorBody): ApiErrorBody {
  const m = error.status === 500 ? TYPED_PATCH.exec(error.message) : null;
  if (!m) return error;
  const lines = m[1].replace(/^errors:\s*/, '').split('\n').filter((l) => l.trim());
  const causes = lines.map(causeOf);
  const summary = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)).join('; ');
  return { status: 400, reason: 'BadRequest', message: `the document does not match the kind's schema: ${summary}`, causes };
}
