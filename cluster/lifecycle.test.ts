import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listenersOf } from './listeners';
import { status } from './status';
import { ensureClusterUp, readClusterState, type ClusterState } from './state';

describe('cluster lifecycle and state contract', () => {
  let first: ClusterState;

  beforeAll(async () => {
    first = await ensureClusterUp({ quiet: true });
  });

  it('reuses a running cluster instead of starting a second one', async () => {
    const again = await ensureClusterUp({ quiet: true });
    expect(again.startedAt).toBe(first.startedAt);
    expect(again.pids).toEqual(first.pids);
  });

  it('reports every component running and healthy', async () => {
    const s = await status();
    expect(s.up).toBe(true);
    expect(s.components.map((c) => c.component).sort()).toEqual(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok', 'metrics-server']);
    for (const c of s.components) expect(c, c.component).toMatchObject({ running: true, healthy: true });
  });

  it('listens only on 127.0.0.1', () => {
    const listeners = listenersOf(Object.values(readClusterState().pids));
    expect(listeners.length).toBeGreaterThanOrEqual(7); // etcd client+peer, apiserver, kcm, scheduler, kwok, metrics-server
    expect(listeners.filter((l) => l.address !== '127.0.0.1')).toEqual([]);
    expect(listeners.map((l) => l.port)).toContain(Number(new URL(readClusterState().server).port));
  });

  it('writes cluster.json, ca.crt and a TLS-verifying kubeconfig', () => {
    const s = readClusterState();
    expect(s.server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    for (const f of [s.caFile, s.kubeconfig, s.tokensDir, s.saSigningKeyFile]) {
      expect(path.isAbsolute(f), f).toBe(true);
      expect(existsSync(f), f).toBe(true);
    }
    expect(readFileSync(s.caFile, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(readFileSync(s.saSigningKeyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const kc = parse(readFileSync(s.kubeconfig, 'utf8'));
    const cluster = kc.clusters[0].cluster;
    expect(cluster.server).toBe(s.server);
    expect(cluster['insecure-skip-tls-verify']).toBeUndefined();
    expect(Buffer.from(cluster['certificate-authority-data'], 'base64').toString()).toBe(readFileSync(s.caFile, 'utf8'));
    expect(s.issuer).toBeTruthy();
    expect(s.audience).toBeTruthy();
  });
});
