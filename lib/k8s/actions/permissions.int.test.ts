import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureClusterUp, readClusterState } from '@/cluster/state';
import { RESOURCES, type KindName } from '@/lib/k8s/resources';
import { accessCheckFor, supports } from './permissions';

// What the controls offer, checked against the API server's own discovery (read as the admin with kubectl): a kind offers "scale" only if it has a /scale subresource that takes the patch the check asks
// about, and "delete" only if the API server lets its objects be deleted.

function discovery(kind: KindName): { name: string; verbs: string[] }[] {
  const r = RESOURCES[kind];
  const { binDir, kubeconfig } = readClusterState();
  const url = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const out = execFileSync(path.join(binDir, 'kubectl'), ['--kubeconfig', kubeconfig, 'get', '--raw', url], { encoding: 'utf8' });
  return (JSON.parse(out) as { resources: { name: string; verbs: string[] }[] }).resources;
}

describe('supports (against the API server’s discovery)', () => {
  const kinds = Object.keys(RESOURCES) as KindName[];

  it('scale: only kinds with a patchable /scale subresource, and the access check names it', async () => {
    await ensureClusterUp({ quiet: true });
    // Not every kind with /scale is offered (a ReplicaSet's count belongs to its Deployment), but some are.
    expect(kinds.filter((k) => supports(k, 'scale')).length).toBeGreaterThan(0);
    for (const kind of kinds) {
      const scale = discovery(kind).find((x) => x.name === `${RESOURCES[kind].plural}/scale`);
      if (supports(kind, 'scale')) {
        expect(scale?.verbs, kind).toContain('patch');
        expect(accessCheckFor('scale', kind, 'default')).toMatchObject({ verb: 'patch', resource: RESOURCES[kind].plural, subresource: 'scale' });
      }
    }
  });

  it('delete and restart: only kinds whose objects the API server deletes and patches', () => {
    for (const kind of kinds) {
      const own = discovery(kind).find((x) => x.name === RESOURCES[kind].plural);
      if (supports(kind, 'delete')) expect(own?.verbs, kind).toContain('delete');
      if (supports(kind, 'restart')) expect(own?.verbs, kind).toContain('patch');
    }
  });
});
