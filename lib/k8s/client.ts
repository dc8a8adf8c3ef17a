import 'server-only';
import https from 'node:https';
import type { IncomingMessage, IncomingHttpHeaders } from 'node:http';
import { KubeConfig } from '@kubernetes/client-node';
import { clusterConnection } from './cluster-config';
import { ApiError, fromStatus, fromTransport } from './errors';

// The one door to the API server. Every request carries the signed-in user's bearer token, so the cluster's RBAC
// decides; there is no code path that uses the console's own identity. TLS verification is always on.

export interface KubeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** A conditional GET: the API server answers 304 with no body while the resource still has this ETag. */
  ifNoneMatch?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface KubeResponse<T> { status: number; headers: IncomingHttpHeaders; body: T; warnings: string[] }

const DEFAULT_TIMEOUT_MS = 10_000;

/** The signed-in user's KubeConfig (TLS verification on), for client-node's streaming helpers (exec). */
export function userKubeConfig(token: string): KubeConfig {
  if (!token) throw new ApiError({ status: 401, reason: 'Unauthorized', message: 'No session token' });
  const { server, ca } = clusterConnection();
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'cluster', server, caData: Buffer.from(ca).toString('base64'), skipTLSVerify: false }],
    users: [{ name: 'user', token }],
    contexts: [{ name: 'user@cluster', cluster: 'cluster', user: 'user' }],
    currentContext: 'user@cluster',
  });
  return kc;
}

function buildUrl(server: string, req: KubeRequest): URL {
  const url = new URL(server + req.path);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  return url;
}

/** The API server's `Warning` headers (`299 - "text"`), as plain texts. */
export function parseWarnings(headers: IncomingHttpHeaders | Record<string, string[] | undefined>): string[] {
  const raw = headers['warning'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.flatMap((h) => [...h.matchAll(/\d{3} \S+ "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(.)/g, '$1')));
}

async function open(token: string, req: KubeRequest): Promise<IncomingMessage> {
  const kc = userKubeConfig(token);
  const url = buildUrl(kc.getCurrentCluster()!.server, req);
  const payload = req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
  const options: https.RequestOptions = {
    method: req.method ?? 'GET',
    headers: {
      Accept: req.accept ?? 'application/json',
      ...(req.ifNoneMatch ? { 'If-None-Match': req.ifNoneMatch } : {}),
      ...(payload !== undefined ? { 'Content-Type': req.contentType ?? 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
    },
    rejectUnauthorized: true,
  };
  await kc.applyToHTTPSOptions(options);
  options.rejectUnauthorized = true;
  return new Promise((resolve, reject) => {
    // The timeout covers the wait for the response headers; a stream (logs, watch) may then stay open.
    const timer = setTimeout(
      () => r.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      req.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    const r = https.request(url, options, (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    const abort = () => r.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    req.signal?.addEventListener('abort', abort, { once: true });
    // A listing's signal outlives its many requests: a listener left behind would keep each finished request alive.
    r.once('close', () => req.signal?.removeEventListener('abort', abort));
    r.on('error', (e) => {
      clearTimeout(timer);
      reject(new ApiError(fromTransport(e)));
    });
    if (payload !== undefined) r.write(payload);
    r.end();
  });
}

async function readAll(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

async function answer<T>(token: string, req: KubeRequest, decode: (bytes: Buffer) => T): Promise<KubeResponse<T>> {
  const res = await open(token, req);
  let bytes: Buffer;
  try {
    bytes = await readAll(res);
  } catch (e) {
    throw new ApiError(fromTransport(e));
  }
  const status = res.statusCode ?? 502;
  // An error is a Status in JSON, whatever else was asked for (every Accept here lists JSON too).
  const ok = (status >= 200 && status < 300) || (status === 304 && !!req.ifNoneMatch);
  if (!ok) throw new ApiError(fromStatus(status, parseJson(bytes)));
  return { status, headers: res.headers, body: decode(bytes), warnings: parseWarnings(res.headersDistinct) };
}

/** A request answered in full; a non-2xx answer throws ApiError with the API server's reason. */
export function kubeRequest<T>(token: string, req: KubeRequest): Promise<KubeResponse<T>> {
  return answer(token, req, (bytes) => parseJson(bytes) as T);
}

/** The same, with the answer's bytes as they came (a protobuf answer; its Content-Type says which). */
export function kubeRequestBytes(token: string, req: KubeRequest): Promise<KubeResponse<Buffer>> {
  return answer(token, req, (bytes) => bytes);
}

/** A streamed answer (logs, watches): a non-2xx answer throws ApiError; the caller consumes and closes the stream. */
export async function kubeStream(token: string, req: KubeRequest): Promise<IncomingMessage> {
  const res = await open(token, req);
  const status = res.statusCode ?? 502;
  if (status < 200 || status >= 300) throw new ApiError(fromStatus(status, parseJson(await readAll(res))));
  return res;
}
