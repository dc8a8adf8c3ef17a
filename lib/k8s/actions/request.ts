import 'server-only';
import type { NextRequest } from 'next/server';
import { ApiError, badRequest } from '@/lib/k8s/errors';
import { readCappedText } from '@/lib/security/body-limit';

// Mutating routes take small JSON bodies. (Origin and CSRF checks of every state-changing request are in withSession.)

const MAX_BODY_BYTES = 16 * 1024;

/** The request's JSON body; an oversized body is a 413 (counted as it arrives), a missing or malformed one a 400. */
export async function readJsonBody(req: NextRequest, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readCappedText(req, maxBytes);
  if (!text.trim()) throw new ApiError(badRequest('request body must be JSON'));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(badRequest('request body must be JSON'));
  }
}
