// @ts-check
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyServerLimits, fromTrustedProxy, limitRequestBody } from './request-limits.mjs';
import { createSelfSignedCertificate } from './self-signed-cert.mjs';

// The console's own server: Next.js served over HTTPS by this process itself (Next's own `server.js` speaks plain
// HTTP only and cannot take WebSocket upgrades), plus the one upgrade the console accepts: a shell (exec). The image
// runs it from the standalone bundle (<app>/server.js, <app>/.next, <app>/node_modules, <app>/public, <app>/server/
// = this file); `npm run demo` and the e2e suite run it from the repository after `next build`, over plain HTTP on
// loopback (WHEELHOUSE_HTTP=1), so the demo and the image run the same server code.
//
// Environment:
//   WHEELHOUSE_HTTP=1  plain HTTP instead of TLS; refused unless the listen address is loopback (a token must not
//     cross a network in the clear; behind a TLS-terminating proxy use Next's server.js, which has no exec).
//   PORT (8443)  WHEELHOUSE_LISTEN_HOST (127.0.0.1; the image sets all interfaces; not HOSTNAME, which Kubernetes sets to the pod name)
//   WHEELHOUSE_TLS_CERT + WHEELHOUSE_TLS_KEY  PEM files; or WHEELHOUSE_TLS_DIR, a folder that may hold tls.crt and
//     tls.key (an optional kubernetes.io/tls Secret volume). Re-read when they change.
//     Without them a self-signed certificate is made at start (SANs: localhost, 127.0.0.1, ::1, the host name and
//     WHEELHOUSE_TLS_SANS, comma-separated) and its SHA-256 fingerprint is logged.
//   WHEELHOUSE_TRUST_PROXY=1  keep X-Forwarded-* from a TLS-terminating proxy in front, if its address is in
//     WHEELHOUSE_TRUSTED_PROXIES (server/request-limits.mjs); otherwise they are
//     overwritten with what this socket saw, so a client cannot choose its own IP (login rate limit, audit).

const appDir = path.resolve(process.env.WHEELHOUSE_APP_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const port = Number(process.env.PORT ?? 8443);
// Loopback unless told otherwise: the image listens on all interfaces (Dockerfile); elsewhere it stays on this machine.
const listenHost = process.env.WHEELHOUSE_LISTEN_HOST ?? '127.0.0.1';
const plainHttp = process.env.WHEELHOUSE_HTTP === '1';
// The exec module (lib/exec/upgrade.ts) puts its upgrade handler here when Next loads instrumentation.ts.
const UPGRADE_HANDLER = Symbol.for('wheelhouse.upgrade');
const EXEC_PATH = /^\/api\/exec(?:\?|$)/;

/** @param {string} message */
function log(message) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), type: 'server', message })}\n`);
}

/** @param {string} message */
function fail(message) {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), type: 'server', level: 'error', message })}\n`);
  process.exit(1);
}

function certificateFiles() {
  const dir = process.env.WHEELHOUSE_TLS_DIR;
  if (!process.env.WHEELHOUSE_TLS_CERT && !process.env.WHEELHOUSE_TLS_KEY && dir && fs.existsSync(path.join(dir, 'tls.crt'))) {
    return { certFile: path.join(dir, 'tls.crt'), keyFile: path.join(dir, 'tls.key') };
  }
  return { certFile: process.env.WHEELHOUSE_TLS_CERT, keyFile: process.env.WHEELHOUSE_TLS_KEY };
}

function mountedCertificate() {
  const { certFile, keyFile } = certificateFiles();
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) fail('set both WHEELHOUSE_TLS_CERT and WHEELHOUSE_TLS_KEY, or neither (a self-signed certificate is made)');
  try {
    const cert = fs.readFileSync(/** @type {string} */ (certFile), 'utf8');
    const key = fs.readFileSync(/** @type {string} */ (keyFile), 'utf8');
    const x509 = new crypto.X509Certificate(cert);
    if (!x509.checkPrivateKey(crypto.createPrivateKey(key))) fail(`${keyFile} is not the key of ${certFile}`);
    return { cert, key, fingerprint256: x509.fingerprint256, validTo: x509.validTo, files: [/** @type {string} */ (certFile), /** @type {string} */ (keyFile)] };
  } catch (e) {
    fail(`cannot read the TLS certificate ${certFile} / ${keyFile}: ${e instanceof Error ? e.message : e}`);
  }
}

function certificate() {
  const mounted = mountedCertificate();
  if (mounted) {
    log(`TLS: certificate ${mounted.files[0]} (valid to ${mounted.validTo}), SHA-256 fingerprint ${mounted.fingerprint256}`);
    return mounted;
  }
  const extra = (process.env.WHEELHOUSE_TLS_SANS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const made = createSelfSignedCertificate({ altNames: ['localhost', '127.0.0.1', '::1', os.hostname(), ...extra] });
  log(`TLS: no certificate mounted; made a self-signed one, SHA-256 fingerprint ${made.fingerprint256}`);
  return { ...made, files: [] };
}

/** @param {import('node:http').IncomingMessage} req */
function normalizeForwardedHeaders(req) {
  if (fromTrustedProxy(req)) return;
  for (const h of ['forwarded', 'x-real-ip', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port']) delete req.headers[h];
  req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  req.headers['x-forwarded-proto'] = plainHttp ? 'http' : 'https';
  if (req.headers.host) req.headers['x-forwarded-host'] = req.headers.host;
  req.headers['x-forwarded-port'] = String(port);
}

// "." and ".." path segments (also percent-encoded) are never sent by browsers, which resolve them; Next would
// answer them with a redirect to the resolved path. Refused outright instead: no ambiguity about which route runs.
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e)(?:\.|%2e)?(?:\/|$)/i;

/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
function refuseDotSegments(req, res) {
  const pathname = (req.url ?? '/').split('?')[0];
  if (!DOT_SEGMENT.test(pathname)) return false;
  const error = { status: 400, reason: 'BadRequest', message: 'the request path has "." or ".." segments' };
  res.writeHead(400, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ error }));
  return true;
}

/** @param {string} host */
function isLoopback(host) {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Every upgrade but exec is refused, as Next's production server has no upgrade of its own (its HMR socket is
 * `next dev` only). A plain HTTP answer on the raw socket, then close.
 * @param {import('node:stream').Duplex} socket @param {number} status @param {string} text
 */
function refuseUpgrade(socket, status, text) {
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/** @param {import('node:http').IncomingMessage} req @param {import('node:stream').Duplex} socket @param {Buffer} head */
function onUpgrade(req, socket, head) {
  socket.on('error', () => socket.destroy());
  normalizeForwardedHeaders(req);
  const handler = /** @type {((req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void) | undefined} */ (
    /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[UPGRADE_HANDLER]
  );
  if (!EXEC_PATH.test(req.url ?? '') || req.headers.upgrade?.toLowerCase() !== 'websocket') return refuseUpgrade(socket, 404, 'Not Found');
  if (!handler) return refuseUpgrade(socket, 503, 'Service Unavailable');
  try {
    handler(req, socket, head);
  } catch {
    refuseUpgrade(socket, 500, 'Internal Server Error');
  }
}

/** @param {import('node:http').ServerResponse} res */
function securityHeaders(res) {
  // Only this server knows the answer travels over TLS, so HSTS is set here rather than in next.config.js.
  if (!plainHttp) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
}

/** @param {https.Server} server @param {string[]} files */
function reloadOnChange(server, files) {
  if (!files.length) return;
  let stamp = files.map((f) => fs.statSync(f).mtimeMs).join();
  setInterval(() => {
    try {
      const now = files.map((f) => fs.statSync(f).mtimeMs).join();
      if (now === stamp) return;
      const next = mountedCertificate();
      if (!next) return;
      server.setSecureContext({ cert: next.cert, key: next.key });
      stamp = now;
      log(`TLS: certificate reloaded, SHA-256 fingerprint ${next.fingerprint256}`);
    } catch {
      // a Secret update is a symlink swap; try again on the next tick
    }
  }, 30_000).unref();
}

async function main() {
  process.chdir(appDir);
  /** @type {{ config: Record<string, unknown> }} */
  const required = JSON.parse(fs.readFileSync(path.join(appDir, '.next', 'required-server-files.json'), 'utf8'));
  process.env.NODE_ENV = 'production';
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(required.config);
  if (plainHttp && !isLoopback(listenHost)) fail(`WHEELHOUSE_HTTP=1 serves plain HTTP on loopback only, not on ${listenHost}`);
  // Read by the app: HSTS, Secure cookies, and the plain-HTTP login rule (lib/security/transport.ts). Over plain
  // HTTP on loopback none of them apply.
  if (!plainHttp) process.env.WHEELHOUSE_HTTPS = '1';
  // Without a fixed public URL next-auth builds its URLs from the Host header (normalized above).
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = '1';

  const tls = plainHttp ? undefined : certificate();
  // In the bundle <app>/node_modules/next; in the repository the repository's own.
  const next = createRequire(path.join(appDir, 'server.js'))('next');
  const app = next({ dev: false, dir: appDir, hostname: listenHost, port, quiet: true });
  await app.prepare();
  const handle = app.getRequestHandler();
  /** @type {import('node:http').RequestListener} */
  const onRequest = (req, res) => {
    normalizeForwardedHeaders(req);
    securityHeaders(res);
    if (refuseDotSegments(req, res) || limitRequestBody(req, res)) return;
    handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  };
  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' }, onRequest) : http.createServer(onRequest);
  server.on('upgrade', onUpgrade);
  server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT ?? 65_000);
  applyServerLimits(server); // body caps, request/header timeouts, connection caps (server/request-limits.mjs)
  server.on('error', (e) => fail(`cannot listen on ${listenHost}:${port}: ${e.message}`));
  server.listen(port, listenHost, () => log(`listening on ${tls ? 'https' : 'http'}://${listenHost}:${port}`));
  if (tls) reloadOnChange(/** @type {https.Server} */ (server), tls.files);

  const stop = () => {
    log('stopping: finishing open requests');
    server.close(() => app.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => fail(`failed to start: ${e instanceof Error ? e.message : e}`));
