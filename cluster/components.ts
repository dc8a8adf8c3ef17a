import path from 'node:path';
import type { Binaries } from './binaries';
import { kwokEnv } from './kwok-exec';
import type { ProbeTls } from './health';
import { paths } from './paths';
import type { Pki } from './pki';

export const serviceCidr = '10.96.0.0/16';
export const podCidr = '10.244.0.0/16';
export const issuer = 'https://kubernetes.default.svc.cluster.local';
export const audience = issuer;
export const nodeAnnotation = 'kwok.x-k8s.io/node';

export interface Ports {
  etcdClient: number;
  etcdPeer: number;
  apiserver: number;
  controllerManager: number;
  scheduler: number;
  kwok: number;
  metricsServer: number;
}

export interface ComponentSpec {
  name: 'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'kwok' | 'metrics-server';
  binary: string;
  args: string[];
  port: number;
  healthUrl: string;
  tls?: ProbeTls;
  /** The process's environment when not the caller's (kwok: exec'd shells inherit it). */
  env?: Record<string, string>;
}

const cfg = (name: string) => path.join(paths.config, name);
export const componentKubeconfig = (component: string) => cfg(`${component}.kubeconfig`);
export const kwokConfigFile = cfg('kwok.yaml');

/** The control plane in start order. Every listener is on 127.0.0.1, every client connection goes to 127.0.0.1. */
export function componentSpecs(bins: Binaries, pki: Pki, ports: Ports): ComponentSpec[] {
  const loopback = pki.cert('loopback-serving');
  const healthTls: ProbeTls = { ca: pki.caCrt };
  const etcdUrl = `http://127.0.0.1:${ports.etcdClient}`;
  const peerUrl = `http://127.0.0.1:${ports.etcdPeer}`;
  const delegated = (c: string) => [
    `--kubeconfig=${componentKubeconfig(c)}`,
    `--authentication-kubeconfig=${componentKubeconfig(c)}`,
    `--authorization-kubeconfig=${componentKubeconfig(c)}`,
    `--client-ca-file=${pki.caCrt}`,
    '--bind-address=127.0.0.1',
    `--tls-cert-file=${loopback.crt}`,
    `--tls-private-key-file=${loopback.key}`,
    '--leader-elect=false',
  ];
  return [
    {
      name: 'etcd',
      binary: bins.etcd,
      args: [
        '--name=wheelhouse',
        `--data-dir=${paths.etcdData}`,
        '--unsafe-no-fsync',
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=wheelhouse=${peerUrl}`,
        '--initial-cluster-state=new',
        '--log-level=warn',
      ],
      port: ports.etcdClient,
      healthUrl: `${etcdUrl}/health`,
    },
    {
      name: 'kube-apiserver',
      binary: bins['kube-apiserver'],
      args: [
        `--etcd-servers=${etcdUrl}`,
        // Compact etcd every 30 s (default 5 min), so a watch from an old resourceVersion gets 410 Gone within a
        // minute of start, as on a long-lived cluster: the console's relist path is then testable on a fresh one.
        '--etcd-compaction-interval=30s',
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--secure-port=${ports.apiserver}`,
        `--tls-cert-file=${pki.cert('apiserver').crt}`,
        `--tls-private-key-file=${pki.cert('apiserver').key}`,
        `--client-ca-file=${pki.caCrt}`,
        '--authorization-mode=Node,RBAC',
        `--service-account-issuer=${issuer}`,
        `--api-audiences=${audience}`,
        `--service-account-key-file=${pki.saPub}`,
        `--service-account-signing-key-file=${pki.saKey}`,
        '--service-account-max-token-expiration=48h',
        `--service-cluster-ip-range=${serviceCidr}`,
        '--endpoint-reconciler-type=none',
        '--kubelet-preferred-address-types=InternalIP',
        `--kubelet-certificate-authority=${pki.caCrt}`,
        `--kubelet-client-certificate=${pki.cert('apiserver-kubelet-client').crt}`,
        `--kubelet-client-key=${pki.cert('apiserver-kubelet-client').key}`,
        // Request-header auth for aggregated APIs (metrics-server): only the front-proxy CA's client may assert users.
        `--requestheader-client-ca-file=${pki.frontProxyCaCrt}`,
        '--requestheader-allowed-names=front-proxy-client',
        '--requestheader-username-headers=X-Remote-User',
        '--requestheader-group-headers=X-Remote-Group',
        '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        `--proxy-client-cert-file=${pki.cert('proxy-client').crt}`,
        `--proxy-client-key-file=${pki.cert('proxy-client').key}`,
        '--profiling=false',
      ],
      port: ports.apiserver,
      healthUrl: `https://127.0.0.1:${ports.apiserver}/readyz`,
      tls: { ca: pki.caCrt, ...pki.cert('admin') },
    },
    {
      name: 'kube-controller-manager',
      binary: bins['kube-controller-manager'],
      args: [
        ...delegated('kube-controller-manager'),
        `--secure-port=${ports.controllerManager}`,
        `--service-account-private-key-file=${pki.saKey}`,
        `--root-ca-file=${pki.caCrt}`,
        `--cluster-signing-cert-file=${pki.caCrt}`,
        `--cluster-signing-key-file=${pki.caKey}`,
        '--use-service-account-credentials=true',
        `--cluster-cidr=${podCidr}`,
        '--allocate-node-cidrs=true',
        `--service-cluster-ip-range=${serviceCidr}`,
        '--profiling=false',
      ],
      port: ports.controllerManager,
      healthUrl: `https://127.0.0.1:${ports.controllerManager}/healthz`,
      tls: healthTls,
    },
    {
      name: 'kube-scheduler',
      binary: bins['kube-scheduler'],
      args: [...delegated('kube-scheduler'), `--secure-port=${ports.scheduler}`, '--profiling=false'],
      port: ports.scheduler,
      healthUrl: `https://127.0.0.1:${ports.scheduler}/healthz`,
      tls: healthTls,
    },
    {
      name: 'kwok',
      binary: bins.kwok,
      args: [
        `--config=${kwokConfigFile}`,
        `--kubeconfig=${componentKubeconfig('kwok')}`,
        `--manage-nodes-with-annotation-selector=${nodeAnnotation}=fake`,
        '--node-ip=127.0.0.1',
        // Without --server-address kwok would listen on every interface at <node-port>.
        `--node-port=${ports.kwok}`,
        `--server-address=127.0.0.1:${ports.kwok}`,
        `--tls-cert-file=${loopback.crt}`,
        `--tls-private-key-file=${loopback.key}`,
        `--cidr=${podCidr}`,
        '--node-lease-duration-seconds=40',
      ],
      port: ports.kwok,
      healthUrl: `https://127.0.0.1:${ports.kwok}/healthz`,
      tls: healthTls,
      env: kwokEnv(),
    },
  ];
}
