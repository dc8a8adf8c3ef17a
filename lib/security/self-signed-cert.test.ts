import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '@/server/self-signed-cert.mjs';

// The HTTPS server's self-signed certificate (server/self-signed-cert.mjs), read back by Node, by openssl, and used
// by a real TLS handshake that verifies it.

describe('self-signed certificate', () => {
  const made = createSelfSignedCertificate({ altNames: ['localhost', '127.0.0.1', '::1', 'wheelhouse.wheelhouse.svc'], now: new Date('2026-11-22T00:00:00Z') });
  const x509 = new crypto.X509Certificate(made.cert);

  it('is a valid, self-signed P-256 server certificate for its names', () => {
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkPrivateKey(crypto.createPrivateKey(made.key))).toBe(true);
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:wheelhouse.wheelhouse.svc');
    expect(x509.checkHost('wheelhouse.wheelhouse.svc')).toBe('wheelhouse.wheelhouse.svc');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.ca).toBe(false);
    expect(Date.parse('2026-11-22T00:00:00Z')).toBeGreaterThan(new Date(x509.validFrom).getTime());
    expect(new Date(x509.validTo).getTime()).toBeGreaterThan(Date.parse('2027-12-01T00:00:00Z'));
    expect(made.fingerprint256).toBe(x509.fingerprint256);
    expect(createSelfSignedCertificate().fingerprint256).not.toBe(made.fingerprint256);
  });

  it('reads as a server certificate to openssl', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wh-cert-'));
    const file = path.join(dir, 'tls.crt');
    fs.writeFileSync(file, made.cert);
    const text = execFileSync('openssl', ['x509', '-in', file, '-noout', '-text'], { encoding: 'utf8' });
    expect(text).toContain('ecdsa-with-SHA256');
    expect(text).toContain('TLS Web Server Authentication');
    expect(text).toMatch(/CA:FALSE/);
    fs.rmSync(dir, { recursive: true });
  });

  it('serves TLS that a client verifying against it accepts', async () => {
    const now = createSelfSignedCertificate({ altNames: ['localhost', '127.0.0.1'] });
    const server = https.createServer({ key: now.key, cert: now.cert }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const body = await new Promise<string>((resolve, reject) => {
      https.get({ host: '127.0.0.1', port, ca: now.cert, servername: 'localhost' }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(text));
      }).on('error', reject);
    });
    server.close();
    expect(body).toBe('ok');
  });
});
