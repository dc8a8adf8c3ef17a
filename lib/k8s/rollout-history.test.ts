import { describe, expect, it } from 'vitest';
import { controllerRevisions, pickRevision, replicaSetRevisions, templateDiff } from './rollout-history';

const owner = [{ uid: 'd1', controller: true }];
const rs = (rev: string, image: string, uid = 'd1') => ({
  metadata: { name: `web-${rev}`, creationTimestamp: '2026-01-01T00:00:00Z', annotations: { 'deployment.kubernetes.io/revision': rev, 'kubernetes.io/change-cause': `image ${image}` }, ownerReferences: [{ uid, controller: true }] },
  spec: { template: { metadata: { labels: { app: 'web', 'pod-template-hash': `h${rev}` } }, spec: { containers: [{ name: 'c', image }] } } },
});

describe('rollout history', () => {
  it('lists the owned ReplicaSets by revision, without the pod-template-hash', () => {
    const h = replicaSetRevisions([rs('2', 'b'), rs('1', 'a'), rs('3', 'x', 'other')], 'd1');
    expect(h.map((r) => [r.revision, r.images, r.changeCause])).toEqual([[1, ['a'], 'image a'], [2, ['b'], 'image b']]);
    expect(h[0].template.metadata).toEqual({ labels: { app: 'web' } });
    expect(pickRevision(h, 0)?.revision).toBe(1);
    expect(pickRevision(h, 2)?.revision).toBe(2);
    expect(pickRevision(h, 9)).toBeUndefined();
  });
  it('reads ControllerRevisions, whose template says $patch: replace', () => {
    const cr = { metadata: { name: 's-1', ownerReferences: owner }, revision: 1, data: { spec: { template: { $patch: 'replace', spec: { containers: [{ image: 'a' }] } } } } };
    const [r] = controllerRevisions([cr], 'd1');
    expect(r.template).toEqual({ spec: { containers: [{ image: 'a' }] } });
  });
  it('diffs two revisions’ templates', () => {
    const [a, b] = replicaSetRevisions([rs('1', 'a'), rs('2', 'b')], 'd1');
    expect(templateDiff(a, b)).toContain('-    - image: a\n+    - image: b');
  });
});
