import { describe, expect, it } from 'vitest';
import { formatAge, formatSelector } from '@/lib/format';
import { externalIP, formatServicePorts, serviceRow } from './services';
import { deploymentRow, rolloutProgress } from './workloads';
import { nodeRow, nodeRoles } from './cluster';

describe('services (kubectl get svc)', () => {
  it('formats PORT(S) as kubectl does', () => {
    expect(formatServicePorts([{ port: 80, nodePort: 31739, protocol: 'TCP' }, { port: 88, nodePort: 30298, protocol: 'TCP' }])).toBe('80:31739/TCP,88:30298/TCP');
    expect(formatServicePorts([{ port: 53, protocol: 'UDP' }, { port: 443 }])).toBe('53/UDP,443/TCP');
    expect(formatServicePorts([])).toBe('<none>');
  });

  it('computes EXTERNAL-IP per type', () => {
    expect(externalIP({ spec: { type: 'ClusterIP' } })).toBe('<none>');
    expect(externalIP({ spec: { type: 'NodePort', externalIPs: ['1.2.3.4'] } })).toBe('1.2.3.4');
    expect(externalIP({ spec: { type: 'LoadBalancer' } })).toBe('<pending>');
    expect(externalIP({ spec: { type: 'LoadBalancer' }, status: { loadBalancer: { ingress: [{ hostname: 'lb.example' }] } } })).toBe('lb.example');
    expect(externalIP({ spec: { type: 'ExternalName', externalName: 'db.example' } })).toBe('db.example');
  });

  it('maps a NodePort service to a row', () => {
    const row = serviceRow({ metadata: { name: 'web-site-svc', namespace: 'default', uid: 's' }, spec: { type: 'NodePort', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] } });
    expect(row).toMatchObject({ type: 'NodePort', clusterIP: '10.96.0.20', externalIP: '<none>', ports: '80:30080/TCP', selector: 'app=web' });
  });
});

describe('deployments (kubectl get deploy, rollout status)', () => {
  const dep = (spec: object, status: object, generation = 2) => ({ metadata: { name: 'nginx', namespace: 'default', uid: 'd', generation }, spec: { replicas: 3, selector: { matchLabels: { app: 'nginx' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:alpine' }] } }, ...spec }, status: { observedGeneration: 2, ...status } });

  it('shows READY, UP-TO-DATE, AVAILABLE, images and selector', () => {
    const row = deploymentRow(dep({}, { replicas: 3, readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 }));
    expect(row).toMatchObject({ ready: '3/3', updated: 3, available: 3, containers: 'nginx', images: 'nginx:alpine', selector: 'app=nginx', health: 'ok', progress: { state: 'complete' } });
  });

  it('follows a scale-up until it settles', () => {
    expect(rolloutProgress(dep({ replicas: 5 }, { replicas: 5, updatedReplicas: 5, availableReplicas: 3 }))).toEqual({ state: 'progressing', message: '3 of 5 updated replicas are available' });
    expect(rolloutProgress(dep({ replicas: 5 }, { replicas: 5, updatedReplicas: 5, availableReplicas: 5 }, 3)).state).toBe('progressing');
  });

  it('reports ProgressDeadlineExceeded as a failure', () => {
    const d = dep({}, { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "nginx-1" has timed out progressing.' }] });
    expect(deploymentRow(d)).toMatchObject({ health: 'error', progress: { state: 'failed', message: 'ReplicaSet "nginx-1" has timed out progressing.' } });
  });
});

describe('nodes', () => {
  it('derives roles, status and addresses', () => {
    expect(nodeRoles({ 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/agent': '' })).toBe('agent,control-plane');
    expect(nodeRoles({})).toBe('<none>');
    const row = nodeRow({ metadata: { name: 'kwok-node-0', uid: 'n' }, spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'True' }], addresses: [{ type: 'InternalIP', address: '127.0.0.1' }], capacity: { cpu: '32', memory: '256Gi', pods: '110' }, nodeInfo: { kubeletVersion: 'kwok-v0.8.0' } as never } });
    expect(row).toMatchObject({ status: 'Ready,SchedulingDisabled', internalIP: '127.0.0.1', externalIP: '<none>', cpu: '32', memory: '256Gi', version: 'kwok-v0.8.0' });
  });
});

describe('format', () => {
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  it.each([[30, '30s'], [150, '2m30s'], [600, '10m'], [3 * 3600 + 120, '3h2m'], [10 * 3600, '10h'], [3 * 86400, '3d'], [30 * 86400, '30d'], [800 * 86400, '2y70d']])('formats %ss as %s', (s, out) => {
    expect(formatAge('2026-01-01T00:00:00Z', t0 + s * 1000)).toBe(out);
  });
  it('formats selectors like kubectl', () => {
    expect(formatSelector({ matchLabels: { app: 'nginx' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }, { key: 'canary', operator: 'DoesNotExist' }] })).toBe('app=nginx,tier in (a,b),!canary');
    expect(formatSelector({ app: 'web' })).toBe('app=web');
    expect(formatSelector(undefined)).toBe('<none>');
  });
});
