import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The console server's own module (plain JS, loaded by server/https-server.mjs before Next.js).
import { applyServerLimits, bodyCap, limitRequestBody } from '../../server/request-limits.mjs';

// A real HTTP server on loopback with the console's request limits in front of a handler that reads the whole
// body, like next-auth does: what the handler gets to see, and what the client is answered.

let server: http.Server;
let port = 0;
const received: number[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (limitRequestBody(req, res)) return;
    let n = 0;
    req.on('data', (c: Buffer) => (n += c.length));
    req.on('end', () => {
      received.push(n);
      res.end(`read ${n}`);
    });
    req.on('error', () => received.push(-n));
  });
  applyServerLimits(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function post(path: string, chunks: number, chunkBytes: number, declared?: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = declared === undefined ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(declared) };
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers });
    let sent = 0;
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(chunkBytes, 'x');
    const write = () => {
      while (sent < chunks) {
        sent++;
        if (!req.write(chunk)) return req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

describe('request body limits in the console server', { timeout: 60_000 }, () => {
  it('has a small cap for sign-in and a 1 MiB-of-YAML cap for apply', () => {
    expect(bodyCap('/api/auth/callback/token?x=1')).toBe(8 * 1024);
    expect(bodyCap('/api/apply')).toBeGreaterThan(2 * 1024 * 1024);
    expect(bodyCap('/api/k8s/deployments/a/b/scale')).toBe(16 * 1024);
    expect(bodyCap('/api/k8s/configmaps/a/b/edit')).toBe(5 * 1024 * 1024);
    expect(bodyCap('/anything')).toBe(64 * 1024);
  });

  it('answers a chunked body 413 as soon as it passes the cap, before it was sent whole', async () => {
    // 4,000 × 64 KiB = 250 MiB offered; the answer comes long before.
    const r = await post('/api/auth/session', 4_000, 64 * 1024);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ error: { status: 413, reason: 'RequestEntityTooLarge' } });
    expect(r.sent).not.toBeGreaterThanOrEqual(4_000);
    expect(received.every((n) => n <= 8 * 1024)).toBe(true);
  });

  it('answers 413 to a client that writes a whole 30 MiB body at once (the answer is not lost to a reset)', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await post('/api/apply', 1, 30 * 1024 * 1024);
      expect(r.status).toBe(413);
      const d = await post('/api/apply', 1, 30 * 1024 * 1024, 30 * 1024 * 1024);
      expect(d.status).toBe(413);
    }
  });

  it('refuses a declared Content-Length over the cap without reading it', async () => {
    const r = await post('/api/k8s/deployments/a/b/scale', 1, 1024, 1024 * 1024);
    expect(r.status).toBe(413);
  });

  it('passes a body under the cap through whole', async () => {
    const r = await post('/api/apply', 16, 64 * 1024);
    expect(r).toMatchObject({ status: 200, body: `read ${16 * 64 * 1024}` });
  });
});
