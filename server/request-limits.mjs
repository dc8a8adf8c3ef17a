// @ts-check
import { BlockList, isIP } from 'node:net';

// Limits the console's own Node server enforces before Next.js, next-auth or any route handler sees a request.
// Next.js route handlers and next-auth read whole bodies with no limit (`req.text()`), so the cap has to live here:
// every body is counted as it arrives from the socket (chunked or not) and the request is answered 413 the moment
// it passes its route's cap, then the connection is closed so the rest is never read. Nothing is buffered here.
//
// Environment (all optional):
//   WHEELHOUSE_MAX_BODY_BYTES        the cap for every route without a smaller one (default 64 KiB)
//   WHEELHOUSE_MAX_CONNECTIONS       open connections the whole server accepts (default 2048)
//   WHEELHOUSE_MAX_CONNECTIONS_PER_ADDRESS  per client address (default 512: behind a NodePort every client arriving
//                                    through one node shares that node's address, so this is a flood cap, not fairness)
//   WHEELHOUSE_TRUSTED_PROXIES       addresses/CIDRs whose X-Forwarded-* headers are kept (with WHEELHOUSE_TRUST_PROXY=1)

const KiB = 1024;
const LINGER_MS = 2_000;
const MiB = 1024 * KiB;

/** Per-route caps, first match wins. The apply envelope carries up to 1 MiB of YAML, JSON-escaped (lib/k8s/apply/request.ts). */
const ROUTE_CAPS = /** @type {const} */ ([
  [/^\/api\/auth\//, 8 * KiB], // next-auth: a token, a CSRF token, a callback URL
  [/^\/api\/apply\/?$/, 2 * MiB + 64 * KiB],
  // The YAML editor: the original and the edited text, each up to 1 MiB, JSON-escaped (its route caps at 5 MiB).
  [/^\/api\/k8s\/[^/]+\/[^/]+\/[^/]+\/edit\/?$/, 5 * MiB],
  [/^\/api\/k8s\//, 16 * KiB], // scale, restart, delete, drain, rollout actions: small JSON
  [/^\/api\/access\/?$/, 16 * KiB],
  [/^\/api\/csrf\/?$/, 1 * KiB],
  [/^\/(healthz|readyz)\/?$/, 1 * KiB],
]);

function envInt(/** @type {string} */ name, /** @type {number} */ fallback) {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The most bytes a request to `url` may carry. */
export function bodyCap(/** @type {string | undefined} */ url) {
  const pathname = (url ?? '/').split('?')[0];
  for (const [pattern, cap] of ROUTE_CAPS) if (pattern.test(pathname)) return cap;
  return envInt('WHEELHOUSE_MAX_BODY_BYTES', 64 * KiB);
}

/** @param {import('node:http').ServerResponse} res @param {number} cap */
function refuse(res, cap) {
  if (res.headersSent || res.writableEnded) {
    res.socket?.destroy();
    return;
  }
  const error = { status: 413, reason: 'RequestEntityTooLarge', message: `the request body is larger than ${cap} bytes, the most this route accepts; nothing was done` };
  // `Connection: close`: Node closes the socket as soon as the answer is written; nothing more of the body is kept.
  res.shouldKeepAlive = false;
  res.writeHead(413, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(JSON.stringify({ error }));
  // Node closes a `Connection: close` socket right after the answer is written; bytes the client is still sending
  // then meet a reset, which can destroy the unread 413 on the client's side. So close gently instead: send FIN,
  // keep reading (and dropping) for up to LINGER_MS, then close for good ("lingering close", as nginx does).
  const socket = res.socket;
  if (socket) {
    socket.destroySoon = () => {
      socket.end();
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    };
    // A client that does not read the answer loses its connection all the same.
    setTimeout(() => socket.destroy(), LINGER_MS + 1_000).unref();
  }
}

/**
 * Counts the request body as the HTTP parser hands it over and answers 413 once it passes the route's cap.
 * Returns true when the request was refused already (from its Content-Length) and must not be handled.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 */
export function limitRequestBody(req, res) {
  const cap = bodyCap(req.url);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > cap) {
    refuse(res, cap);
    return true;
  }
  // Node's HTTP parser delivers every body chunk through `push` on the request (chunked or not), whether or not
  // anyone reads it yet; counting there sees bytes as they arrive without changing who reads the stream.
  let seen = 0;
  const push = req.push.bind(req);
  req.push = (chunk, encoding) => {
    if (chunk === null) return seen <= cap ? push(chunk, encoding) : true;
    seen += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (seen <= cap) return push(chunk, encoding);
    // Past the cap: answer now and drop the rest as it comes. Whoever was reading the body never sees it complete
    // (its read fails when the connection closes), so a truncated body is never taken for the whole.
    if (seen - chunk.length <= cap) refuse(res, cap);
    return true;
  };
  return false;
}

/** Deliberate timeouts and connection caps for the console's HTTP(S) server. @param {import('node:http').Server} server */
export function applyServerLimits(server) {
  // The whole request (headers and body) must arrive within 30 s, the headers within 10 s: a slow-loris client
  // cannot hold a connection forever. Responses (live lists, followed logs) are not limited by these.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // How often those two are checked (Node's default, 30 s, would let a stalled request live up to 40 s). Read when
  // the server starts listening, so setting it here, before listen(), takes effect.
  server.connectionsCheckingInterval = 2_000;
  // Idle keep-alive connections are reaped by keepAliveTimeout (set by the caller).
  server.maxConnections = envInt('WHEELHOUSE_MAX_CONNECTIONS', 2048);
  server.maxRequestsPerSocket = 10_000;
  const perAddress = envInt('WHEELHOUSE_MAX_CONNECTIONS_PER_ADDRESS', 512);
  /** @type {Map<string, number>} */
  const open = new Map();
  server.on('connection', (/** @type {import('node:net').Socket} */ socket) => {
    const address = socket.remoteAddress ?? '';
    const n = (open.get(address) ?? 0) + 1;
    if (n > perAddress) {
      socket.destroy();
      return;
    }
    open.set(address, n);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

/** @type {{ spec: string, list: BlockList } | undefined} */
let proxies;

/** Whether `address` is one of WHEELHOUSE_TRUSTED_PROXIES (comma-separated addresses or CIDRs). @param {string} address */
export function isTrustedProxy(address) {
  const spec = process.env.WHEELHOUSE_TRUSTED_PROXIES ?? '';
  if (proxies?.spec !== spec) {
    const list = new BlockList();
    for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [net, bits] = entry.split('/');
      const type = isIP(net) === 6 ? 'ipv6' : 'ipv4';
      if (!isIP(net)) continue;
      if (bits === undefined) list.addAddress(net, type);
      else list.addSubnet(net, Number(bits), type);
    }
    proxies = { spec, list };
  }
  const plain = address.replace(/^::ffff:/, '');
  const type = isIP(plain);
  return type !== 0 && proxies.list.check(plain, type === 6 ? 'ipv6' : 'ipv4');
}

/**
 * With WHEELHOUSE_TRUST_PROXY=1, a request from a trusted proxy keeps its X-Forwarded-* headers, and the proxy's own
 * address is appended to X-Forwarded-For (the app takes the last hop that is not a trusted proxy, so what a client
 * writes into the header itself is never its address). Anyone else's forwarded headers are replaced by the caller.
 * @param {import('node:http').IncomingMessage} req
 */
export function fromTrustedProxy(req) {
  const peer = req.socket.remoteAddress ?? '';
  if (process.env.WHEELHOUSE_TRUST_PROXY !== '1' || !isTrustedProxy(peer)) return false;
  const chain = req.headers['x-forwarded-for'];
  req.headers['x-forwarded-for'] = chain ? `${chain}, ${peer}` : peer;
  return true;
}
