// @ts-check
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyServerLimits, fromTrustedProxy, limitRequestBody } from './request-limits.mjs';
import { createSelfSignedCertificate } from './self-signed-cert.mjs';

// The console's production entry: Next.js's standalone bundle served over HTTPS by this process itself (Next's own
// `server.js` speaks plain HTTP only). Layout, as the Dockerfile copies it: <app>/server.js, <app>/.next,
// <app>/node_modules, <app>/public, <app>/server/ (this file).
//
// Environment:
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
  req.headers['x-forwarded-proto'] = 'https';
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
  // Read by the app: HSTS, Secure cookies, and the plain-HTTP login rule (lib/security/transport.ts).
  process.env.WHEELHOUSE_HTTPS = '1';
  // Without a fixed public URL next-auth builds its URLs from the Host header (normalized above).
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = '1';

  const tls = certificate();
  const next = createRequire(path.join(appDir, 'server.js'))('next');
  const app = next({ dev: false, dir: appDir, hostname: listenHost, port, quiet: true });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = https.createServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' }, (req, res) => {
    normalizeForwardedHeaders(req);
    // Only this server knows the answer travels over TLS, so HSTS is set here rather than in next.config.js.
    res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    if (refuseDotSegments(req, res) || limitRequestBody(req, res)) return;
    handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    normalizeForwardedHeaders(req);
    app.getUpgradeHandler()(req, socket, head);
  });
  server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT ?? 65_000);
  applyServerLimits(server); // body caps, request/header timeouts, connection caps (server/request-limits.mjs)
  server.on('error', (e) => fail(`cannot listen on ${listenHost}:${port}: ${e.message}`));
  server.listen(port, listenHost, () => log(`listening on https://${listenHost}:${port}`));
  reloadOnChange(server, tls.files);

  const stop = () => {
    log('stopping: finishing open requests');
    server.close(() => app.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => fail(`failed to start: ${e instanceof Error ? e.message : e}`));
