import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The cluster's own PKI, made with the openssl CLI: one CA signs every serving and client certificate (ECDSA P-256:
 * generating nine RSA keys would cost seconds on every `up`), and a separate RSA key pair signs ServiceAccount
 * tokens (RS256, what TokenRequest tokens use). The aggregation layer has its own front-proxy CA: the API server
 * trusts X-Remote-User headers only from a client certificate of that CA, so no certificate of the main CA (which
 * every component and the admin hold) can impersonate users toward an aggregated API such as metrics-server.
 */
export interface Pki {
  dir: string;
  caCrt: string;
  caKey: string;
  frontProxyCaCrt: string;
  saKey: string;
  saPub: string;
  cert: (name: string) => { crt: string; key: string };
}

interface CertSpec {
  name: string;
  subject: string;
  usage: 'server' | 'client';
  sans?: string[];
  /** The signing CA's file prefix; the main CA (`ca`) when absent. */
  ca?: 'ca' | 'front-proxy-ca';
}

const loopbackSans = ['IP:127.0.0.1', 'DNS:localhost'];

const certs: CertSpec[] = [
  {
    name: 'apiserver',
    subject: '/CN=kube-apiserver',
    usage: 'server',
    // The kubernetes.default names are only names: nothing connects to them, but in-cluster style clients expect them.
    sans: [...loopbackSans, 'IP:10.96.0.1', 'DNS:kubernetes', 'DNS:kubernetes.default', 'DNS:kubernetes.default.svc', 'DNS:kubernetes.default.svc.cluster.local'],
  },
  { name: 'loopback-serving', subject: '/CN=wheelhouse-loopback', usage: 'server', sans: loopbackSans },
  { name: 'admin', subject: '/O=system:masters/CN=wheelhouse-admin', usage: 'client' },
  // Named proxy-client (not front-proxy-client) so a .cluster/pki from before the front-proxy CA is not reused.
  { name: 'proxy-client', subject: '/CN=front-proxy-client', usage: 'client', ca: 'front-proxy-ca' },
  // metrics-server serves the aggregated metrics.k8s.io; the API server checks its name as <service>.<namespace>.svc.
  { name: 'metrics-server', subject: '/CN=metrics-server', usage: 'server', sans: [...loopbackSans, 'DNS:metrics-server.kube-system.svc'] },
  { name: 'metrics-server-client', subject: '/CN=system:metrics-server', usage: 'client' },
  { name: 'apiserver-kubelet-client', subject: '/O=system:masters/CN=kube-apiserver-kubelet-client', usage: 'client' },
  { name: 'kube-controller-manager', subject: '/CN=system:kube-controller-manager', usage: 'client' },
  { name: 'kube-scheduler', subject: '/CN=system:kube-scheduler', usage: 'client' },
  // kwok acts for every fake kubelet (nodes, leases, pod status), so it gets full rights rather than a per-node identity.
  { name: 'kwok', subject: '/O=system:masters/CN=kwok-controller', usage: 'client' },
];

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const err = e as { signal?: string; stderr?: Buffer };
    const why = err.signal ?? err.stderr?.toString().trim().split('\n').pop() ?? String(e);
    throw new Error(`openssl ${args[0]} (${args.at(-1)}) failed: ${why}`);
  }
}

function rsaKey(file: string, cwd: string): void {
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', file], cwd);
}

function ecKey(file: string, cwd: string): void {
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file], cwd);
}

function issue(spec: CertSpec, cwd: string): void {
  const ca = spec.ca ?? 'ca';
  const ext = [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature',
    `extendedKeyUsage=${spec.usage === 'server' ? 'serverAuth' : 'clientAuth'}`,
    ...(spec.sans ? [`subjectAltName=${spec.sans.join(',')}`] : []),
  ].join('\n');
  writeFileSync(path.join(cwd, `${spec.name}.ext`), ext + '\n');
  ecKey(`${spec.name}.key`, cwd);
  openssl(['req', '-new', '-key', `${spec.name}.key`, '-subj', spec.subject, '-out', `${spec.name}.csr`], cwd);
  openssl(
    ['x509', '-req', '-in', `${spec.name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '365',
      '-sha256', '-extfile', `${spec.name}.ext`, '-out', `${spec.name}.crt`],
    cwd,
  );
}

export function pkiAt(dir: string): Pki {
  const f = (n: string) => path.join(dir, n);
  return {
    dir,
    caCrt: f('ca.crt'),
    caKey: f('ca.key'),
    frontProxyCaCrt: f('front-proxy-ca.crt'),
    saKey: f('sa.key'),
    saPub: f('sa.pub'),
    cert: (name) => ({ crt: f(`${name}.crt`), key: f(`${name}.key`) }),
  };
}

/** Creates the CA, all leaf certificates and the ServiceAccount key pair (idempotent per file). */
export function createPki(dir: string): Pki {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const [ca, cn] of [['ca', 'wheelhouse-local-ca'], ['front-proxy-ca', 'wheelhouse-front-proxy-ca']]) {
    if (existsSync(path.join(dir, `${ca}.crt`))) continue;
    ecKey(`${ca}.key`, dir);
    openssl(['req', '-x509', '-new', '-key', `${ca}.key`, '-subj', `/CN=${cn}`, '-days', '3650', '-sha256',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', `${ca}.crt`], dir);
  }
  for (const spec of certs) if (!existsSync(path.join(dir, `${spec.name}.crt`))) issue(spec, dir);
  if (!existsSync(path.join(dir, 'sa.key'))) {
    rsaKey('sa.key', dir);
    openssl(['pkey', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'], dir);
  }
  return pkiAt(dir);
}
