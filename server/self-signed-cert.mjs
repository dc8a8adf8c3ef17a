// @ts-check
import crypto from 'node:crypto';
import net from 'node:net';

// A self-signed X.509 certificate made with node:crypto alone (an ECDSA P-256 key, signed with SHA-256), for a
// console started without a mounted TLS Secret. node:crypto signs and parses certificates but cannot build one, so
// the few DER structures of RFC 5280 a server certificate needs are written here; openssl and Node's
// X509Certificate read the result (server/self-signed-cert.test.ts). No dependency, nothing written to disk.

/** @param {number} n */
function derLength(n) {
  if (n < 0x80) return Buffer.from([n]);
  const bytes = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** @param {number} tag @param {Buffer[]} parts */
function der(tag, ...parts) {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

const seq = (/** @type {Buffer[]} */ ...parts) => der(0x30, ...parts);

/** @param {string} dotted */
function oid(dotted) {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = arc >>> 7; v > 0; v >>>= 7) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return der(0x06, Buffer.from(out));
}

/** @param {Date} d UTCTime up to 2049, GeneralizedTime after (RFC 5280 4.1.2.5). */
function time(d) {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return d.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(iso.slice(2), 'ascii')) : der(0x18, Buffer.from(iso, 'ascii'));
}

/** @param {string} cn */
function name(cn) {
  return seq(der(0x31, seq(oid('2.5.4.10'), der(0x0c, Buffer.from('Wheelhouse', 'utf8')))), der(0x31, seq(oid('2.5.4.3'), der(0x0c, Buffer.from(cn, 'utf8')))));
}

/** @param {string} id @param {boolean} critical @param {Buffer} value */
function extension(id, critical, value) {
  return seq(oid(id), ...(critical ? [der(0x01, Buffer.from([0xff]))] : []), der(0x04, value));
}

/** @param {string[]} names DNS names and IP addresses */
function subjectAltName(names) {
  return seq(
    ...names.map((n) => {
      if (net.isIPv4(n)) return der(0x87, Buffer.from(n.split('.').map(Number)));
      if (net.isIPv6(n)) return der(0x87, ipv6Bytes(n));
      return der(0x82, Buffer.from(n, 'ascii'));
    }),
  );
}

/** @param {string} ip */
function ipv6Bytes(ip) {
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return Buffer.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

const ECDSA_WITH_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

/**
 * @param {{ commonName?: string, altNames?: string[], days?: number, now?: Date }} [options]
 * @returns {{ key: string, cert: string, fingerprint256: string }}
 */
export function createSelfSignedCertificate(options = {}) {
  const now = options.now ?? new Date();
  const altNames = [...new Set(options.altNames ?? ['localhost', '127.0.0.1', '::1'])].filter((n) => /^[A-Za-z0-9.*:-]+$/.test(n));
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const serial = crypto.randomBytes(16);
  serial[0] &= 0x7f;
  serial[0] |= 0x40;
  const notBefore = new Date(now.getTime() - 60 * 60_000);
  const notAfter = new Date(now.getTime() + (options.days ?? 397) * 86_400_000);
  const subject = name(options.commonName ?? 'wheelhouse');
  const spki = /** @type {Buffer} */ (publicKey.export({ type: 'spki', format: 'der' }));
  const keyId = crypto.createHash('sha1').update(spki).digest();
  const extensions = der(0xa3, seq(
    extension('2.5.29.19', true, seq()),
    extension('2.5.29.15', true, der(0x03, Buffer.from([0x07, 0x80]))),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))),
    extension('2.5.29.14', false, der(0x04, keyId)),
    extension('2.5.29.17', false, subjectAltName(altNames)),
  ));
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    ECDSA_WITH_SHA256,
    subject,
    seq(time(notBefore), time(notAfter)),
    subject,
    spki,
    extensions,
  );
  const signature = crypto.sign('sha256', tbs, privateKey);
  const certDer = seq(tbs, ECDSA_WITH_SHA256, der(0x03, Buffer.from([0]), signature));
  const cert = `-----BEGIN CERTIFICATE-----\n${certDer.toString('base64').match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`;
  const key = /** @type {string} */ (privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return { key, cert, fingerprint256: new crypto.X509Certificate(cert).fingerprint256 };
}
