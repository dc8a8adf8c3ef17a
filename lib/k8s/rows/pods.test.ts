import { describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import { podHealth, podRow, podStatus } from './pods';

const running = (name: string, ready = true, restartCount = 0) => ({ name, ready, restartCount, image: 'x', imageID: '', state: { running: { startedAt: '2026-01-01T00:00:00Z' } } });

function pod(spec: object, status: object, metadata: object = {}): V1Pod {
  return { metadata: { name: 'p', namespace: 'default', uid: 'u1', creationTimestamp: '2026-01-01T00:00:00Z', ...metadata }, spec: { containers: [{ name: 'a' }, { name: 'b' }], ...spec }, status } as unknown as V1Pod;
}

describe('podStatus (kubectl get pods)', () => {
  it('counts ready containers and restarts of a running pod', () => {
    const p = pod({}, { phase: 'Running', podIP: '10.244.1.5', containerStatuses: [running('a', true, 2), running('b', true, 1)] });
    expect(podStatus(p)).toMatchObject({ status: 'Running', ready: '2/2', restarts: 3 });
  });

  it('shows the waiting reason, e.g. CrashLoopBackOff', () => {
    const p = pod({}, { phase: 'Running', containerStatuses: [running('a'), { name: 'b', ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T01:00:00Z' } } }] });
    const s = podStatus(p);
    expect(s).toMatchObject({ status: 'CrashLoopBackOff', ready: '1/2', restarts: 7, lastRestart: '2026-01-01T01:00:00.000Z' });
    expect(podHealth(s.status, s.ready)).toBe('error');
  });

  it('shows init progress and init failures', () => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }] };
    expect(podStatus(pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: { terminated: { exitCode: 0 } } }, { name: 'i2', restartCount: 0, state: { running: {} } }] })).status).toBe('Init:1/2');
    expect(podStatus(pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: { terminated: { exitCode: 3 } } }] })).status).toBe('Init:ExitCode:3');
    expect(podStatus(pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } }] })).status).toBe('Init:ImagePullBackOff');
  });

  it('counts a started sidecar (restartable init container) in READY', () => {
    const spec = { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] };
    const s = podStatus(pod(spec, { phase: 'Running', initContainerStatuses: [{ ...running('proxy'), started: true }], containerStatuses: [running('a'), running('b')] }));
    expect(s).toMatchObject({ status: 'Running', ready: '3/3' });
  });

  it('says Terminating for a pod being deleted, and Completed for a finished one', () => {
    expect(podStatus(pod({}, { phase: 'Running', containerStatuses: [running('a'), running('b')] }, { deletionTimestamp: '2026-01-01T00:00:00Z' })).status).toBe('Terminating');
    const done = { name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    expect(podStatus(pod({ containers: [{ name: 'a' }] }, { phase: 'Succeeded', containerStatuses: [done] })).status).toBe('Completed');
  });

  it('maps to a lean row with IP, node and owner', () => {
    const p = pod({ nodeName: 'kwok-node-1' }, { phase: 'Running', podIP: '10.244.1.5', containerStatuses: [running('a'), running('b')] }, {
      labels: { app: 'nginx' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'nginx-7c5', controller: true, apiVersion: 'apps/v1', uid: 'x' }], managedFields: [{ manager: 'big' }],
    });
    expect(podRow(p)).toEqual({
      uid: 'u1', name: 'p', namespace: 'default', created: '2026-01-01T00:00:00.000Z', resourceVersion: undefined,
      ready: '2/2', status: 'Running', health: 'ok', restarts: 0, lastRestart: undefined,
      ip: '10.244.1.5', node: 'kwok-node-1', labels: { app: 'nginx' }, owner: { kind: 'ReplicaSet', name: 'nginx-7c5' },
    });
    expect(podRow(pod({}, { phase: 'Pending' })).ip).toBe('<none>');
  });
});
