import 'server-only';
import { z } from 'zod';
import { namespaceParam } from '@/lib/api/params';
import { ApiError, badRequest } from '@/lib/k8s/errors';
import { readCappedText } from '@/lib/security/body-limit';
import { APPLY_LIMITS, type ApplyRequest } from './types';

// The body of POST /api/apply, read with a hard cap before anything is parsed, then validated.

/** The JSON envelope may be larger than the YAML inside it (escaped newlines and quotes). */
export const MAX_REQUEST_BYTES = 2 * APPLY_LIMITS.maxBytes + 64 * 1024;

const ApplyBody = z.strictObject({
  yaml: z.string(),
  namespace: z.string().optional(),
  mode: z.enum(['preview', 'apply', 'delete']),
  force: z.boolean().optional(),
  onlyValid: z.boolean().optional(),
});

function tooLarge(): ApiError {
  return new ApiError({
    status: 413,
    reason: 'RequestEntityTooLarge',
    message: `the request is larger than ${MAX_REQUEST_BYTES} bytes: at most 1 MiB of YAML may be applied at once; nothing was sent`,
  });
}

export async function readApplyRequest(req: Request): Promise<ApplyRequest> {
  if (!(req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new ApiError({ status: 415, reason: 'UnsupportedMediaType', message: 'send the request as application/json' });
  }
  const text = await readCappedText(req, MAX_REQUEST_BYTES, tooLarge);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError(badRequest('the request body is not valid JSON'));
  }
  const parsed = ApplyBody.safeParse(raw);
  if (!parsed.success) {
    const causes = parsed.error.issues.map((i) => ({ field: i.path.join('.') || undefined, message: i.message }));
    throw new ApiError(badRequest('invalid apply request', causes));
  }
  return { ...parsed.data, namespace: namespaceParam(parsed.data.namespace) };
}
