import https from 'node:https';
import { adminKubeConfig, readClusterState } from '../cluster/state';

// The bench's own admin client: raw HTTPS with keep-alive and the admin client certificate (system:masters is
// exempt from API Priority and Fairness), so seeding 30,000 objects is limited by the API server, not the client.

export interface Admin {
  request<T = unknown>(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: T }>;
  close(): void;
}

export async function adminClient(maxSockets = 32): Promise<Admin> {
  const kc = adminKubeConfig();
  const opts: https.RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const agent = new https.Agent({ keepAlive: true, maxSockets, ca: opts.ca, cert: opts.cert, key: opts.key });
  const server = new URL(readClusterState().server);
  return {
    request: (method, path, body, contentType = 'application/json') =>
      new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const req = https.request(
          {
            agent, host: server.hostname, port: server.port, method, path,
            headers: { Accept: 'application/json', ...(payload ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) } : {}) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              let parsed: unknown = text;
              try {
                parsed = text ? JSON.parse(text) : undefined;
              } catch {
                // not JSON: keep the text
              }
              resolve({ status: res.statusCode ?? 0, body: parsed as never });
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        if (payload) req.write(payload);
        req.end();
      }),
    close: () => agent.destroy(),
  };
}

/** Runs `fn` over `items` with at most `concurrency` in flight; reports progress every `every` items. */
export async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>, progress?: (done: number) => void, every = 1000): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
      if (++done % every === 0) progress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
