import 'server-only';
import type { NextRequest } from 'next/server';
import { ApiError, badRequest } from '@/lib/k8s/errors';

// Guards for the mutating routes: a browser on another site may not drive them (the session cookie is SameSite=Lax,
// this is the second lock), and bodies are small JSON.

const MAX_BODY_BYTES = 16 * 1024;

export function assertSameOrigin(req: NextRequest): void {
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new ApiError({ status: 403, reason: 'Forbidden', message: 'Cross-site requests may not change the cluster.' });
  }
  const origin = req.headers.get('origin');
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new ApiError({ status: 403, reason: 'Forbidden', message: 'The request has an invalid Origin.' });
  }
  const expected = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (expected && host !== expected) {
    throw new ApiError({ status: 403, reason: 'Forbidden', message: 'Cross-site requests may not change the cluster.' });
  }
}

/** The request's JSON body; a missing, oversized or malformed body is a 400. */
export async function readJsonBody(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError(badRequest('request body is too large'));
  if (!text.trim()) throw new ApiError(badRequest('request body must be JSON'));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(badRequest('request body must be JSON'));
  }
}
