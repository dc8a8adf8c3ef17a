import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** TLS material for probing our own https endpoints with verification on. */
export interface ProbeTls {
  ca: string;
  cert?: string;
  key?: string;
}

/** GETs `url`; resolves the status code and body, or rejects on connection errors and after `timeoutMs`. */
export function get(url: string, tls?: ProbeTls, timeoutMs = 2000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const opts: https.RequestOptions = { method: 'GET', timeout: timeoutMs };
    if (u.protocol === 'https:' && tls) {
      opts.ca = readFileSync(tls.ca);
      if (tls.cert && tls.key) {
        opts.cert = readFileSync(tls.cert);
        opts.key = readFileSync(tls.key);
      }
    }
    const req = (u.protocol === 'https:' ? https : http).request(u, opts, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** True when `url` answers 200 (and, for etcd, reports itself healthy). */
export async function isHealthy(url: string, tls?: ProbeTls): Promise<boolean> {
  try {
    const { status, body } = await get(url, tls);
    return status === 200 && !body.includes('"health":"false"');
  } catch {
    return false;
  }
}

export const sleep = (ms: number): Promise<void> => delay(ms);

/**
 * Polls `check` until it returns a truthy value. `alive` lets the caller fail fast when the process it waits on died.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  opts: { timeoutMs: number; intervalMs?: number; alive?: () => boolean },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastError: unknown;
  for (;;) {
    if (opts.alive && !opts.alive()) throw new Error(`${what}: the process exited`);
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`${what}: not ready after ${Math.round(opts.timeoutMs / 1000)} s${why}`);
    }
    await sleep(opts.intervalMs ?? 250);
  }
}
