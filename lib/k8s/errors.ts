// One error type from the API server to the screen: { status, reason, message, causes }. Built from the API
// server's Status object, or from a transport failure; nothing else (stack traces, raw client errors, response
// headers) ever reaches the browser.

export interface ErrorCause { field?: string; reason?: string; message: string }

export interface ApiErrorBody {
  status: number;
  /** The Kubernetes Status reason (Forbidden, NotFound, Conflict, Invalid, …) or one of ours (BadRequest, ClusterUnreachable). */
  reason: string;
  message: string;
  causes?: ErrorCause[];
}

export class ApiError extends Error {
  readonly body: ApiErrorBody;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.body = body;
  }
}

const REASON_BY_STATUS: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed',
  409: 'Conflict', 410: 'Expired', 413: 'RequestEntityTooLarge', 415: 'UnsupportedMediaType', 422: 'Invalid',
  429: 'TooManyRequests', 500: 'InternalError', 503: 'ServiceUnavailable', 504: 'Timeout',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** Maps an API server response (a metav1.Status, or anything else) with its HTTP status to the error body. */
export function fromStatus(httpStatus: number, body: unknown): ApiErrorBody {
  const status = isRecord(body) && typeof body.code === 'number' && body.code >= 400 ? body.code : httpStatus;
  const reason = (isRecord(body) && str(body.reason)) || REASON_BY_STATUS[status] || 'Unknown';
  const message = (isRecord(body) && str(body.message)) || `the API server answered ${httpStatus} ${reason}`;
  const details = isRecord(body) && isRecord(body.details) ? body.details : undefined;
  const rawCauses = details && Array.isArray(details.causes) ? details.causes : [];
  const causes = rawCauses.filter(isRecord).map((c) => ({
    field: str(c.field),
    reason: str(c.reason),
    message: str(c.message) ?? '',
  }));
  return causes.length ? { status, reason, message, causes } : { status, reason, message };
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
const TLS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME_MISMATCH/;

/** Maps a failure to reach the API server (refused, timed out, TLS) to the error body, without its stack. */
export function fromTransport(e: unknown): ApiErrorBody {
  if (e instanceof ApiError) return e.body;
  const code = isRecord(e) ? str(e.code) ?? '' : '';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || (e instanceof Error && e.name === 'TimeoutError')) {
    return { status: 504, reason: 'ClusterUnreachable', message: 'The API server did not answer in time.' };
  }
  if (TLS.test(code)) {
    return { status: 502, reason: 'TLSError', message: `The API server's certificate could not be verified (${code}).` };
  }
  if (UNREACHABLE.has(code)) {
    return { status: 503, reason: 'ClusterUnreachable', message: `The API server cannot be reached (${code}).` };
  }
  return { status: 502, reason: 'ClusterUnreachable', message: 'The request to the API server failed.' };
}

export function badRequest(message: string, causes?: ErrorCause[]): ApiErrorBody {
  return causes?.length ? { status: 400, reason: 'BadRequest', message, causes } : { status: 400, reason: 'BadRequest', message };
}

export function isApiErrorBody(v: unknown): v is ApiErrorBody {
  return isRecord(v) && typeof v.status === 'number' && typeof v.reason === 'string' && typeof v.message === 'string';
}
