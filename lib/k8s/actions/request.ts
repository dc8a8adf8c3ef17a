import 'server-only';
import type { NextRequest } from 'next/server';
import { ApiError, badRequest } from '@/lib/k8s/errors';

// Mutating routes take small JSON bodies. (Origin and CSRF checks of every state-changing request are in withSession.)

const MAX_BODY_BYTES = 16 * 1024;

/** The request's JSON body; a missing, oversized or malformed body is a 400. */
export async function readJsonBody(req: NextRequest, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  if (Number(req.headers.get('content-length') ?? '0') > maxBytes) throw new ApiError(badRequest('request body is too large'));
  const text = await req.text();
  if (text.length > maxBytes) throw new ApiError(badRequest('request body is too large'));
  if (!text.trim()) throw new ApiError(badRequest('request body must be JSON'));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(badRequest('request body must be JSON'));
  }
}
