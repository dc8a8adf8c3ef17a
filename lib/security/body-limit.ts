import 'server-only';
import { ApiError } from '@/lib/k8s/errors';

// Reads a request body with a hard cap, counting bytes as they arrive: an oversized body is refused (413) as soon
// as it passes the cap, not after it was read whole. (server/request-limits.mjs caps every route before Next.js
// sees the request; this is the same rule where a route handler runs without that server, e.g. `next start`.)

export function tooLarge(max: number, what = 'the request body'): ApiError {
  return new ApiError({ status: 413, reason: 'RequestEntityTooLarge', message: `${what} is larger than ${max} bytes; nothing was done` });
}

/** The body as text, at most `max` bytes (UTF-8); throws ApiError 413 (or the caller's own) beyond that. */
export async function readCappedText(req: Request, max: number, refusal: () => ApiError = () => tooLarge(max)): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max) throw refusal();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // A client that goes away mid-body (navigation, a closed tab) is its own doing: a 4xx, not a server error.
    const { done, value } = await reader.read().catch(() => {
      throw new ApiError({ status: 400, reason: 'BadRequest', message: 'the request body could not be read to its end (the client went away)' });
    });
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw refusal();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
