import { readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { Pki } from './pki';

const b64 = (file: string) => readFileSync(file).toString('base64');

/** Writes a kubeconfig with TLS verification against our CA and a client certificate, all embedded. */
export function writeCertKubeconfig(file: string, server: string, pki: Pki, certName: string, user: string): void {
  const { crt, key } = pki.cert(certName);
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'wheelhouse', cluster: { server, 'certificate-authority-data': b64(pki.caCrt) } }],
    users: [{ name: user, user: { 'client-certificate-data': b64(crt), 'client-key-data': b64(key) } }],
    contexts: [{ name: 'wheelhouse', context: { cluster: 'wheelhouse', user } }],
    'current-context': 'wheelhouse',
  };
  writeFileSync(file, stringify(doc), { mode: 0o600 });
}
