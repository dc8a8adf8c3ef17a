import 'server-only';
import https from 'node:https';
import { clusterConnection } from './cluster-config';
import { fromTransport } from './errors';

// The readiness probe's question to the API server: an anonymous GET /readyz, TLS verified against the cluster's
// CA. The one request to the cluster that is not made with a user's token (client.ts refuses to send none) — it
// carries no credentials at all, so it can never act as anyone. Answers are cached briefly: kubelets probe often.

export interface Probe { ready: boolean; reason: string; at: number }

const TIMEOUT_MS = 3_000;
const CACHE_MS = 2_000;
let last: Probe | undefined;

function ask(): Promise<Probe> {
  return new Promise((resolve) => {
    let conn;
    try {
      conn = clusterConnection();
    } catch {
      return resolve({ ready: false, reason: 'NoClusterConfigured', at: Date.now() });
    }
    const url = new URL('/readyz', conn.server);
    const req = https.get(url, { ca: conn.ca, rejectUnauthorized: true, timeout: TIMEOUT_MS, headers: { Accept: 'text/plain' } }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      // 200: ready; 401/403: anonymous access is off, but the API server answered; 5xx: it says it is not ready.
      const ready = status === 200 || status === 401 || status === 403;
      resolve({ ready, reason: ready ? 'APIServerAnswered' : `APIServerNotReady(${status})`, at: Date.now() });
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (e) => resolve({ ready: false, reason: fromTransport(e).reason, at: Date.now() }));
  });
}

export async function probeApiServer(): Promise<Probe> {
  if (last && Date.now() - last.at < CACHE_MS) return last;
  last = await ask();
  return last;
}
