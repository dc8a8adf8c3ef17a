import { CoreV1Api } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminKubeConfig, ensureClusterUp, readToken } from '@/cluster/state';
import { namespaceWithPods } from '@/cluster/test-helpers';
import type { Page } from './watch/events';

// listAhead against the local API server: upstream pages asked for ahead of decoding still chain their continue
// tokens in order (the rows equal one plain listing), stop at the limit with a token that resumes exactly there,
// and carry the user's own token (RBAC) and the API server's errors.

vi.mock('server-only', () => ({}));
const { listAhead } = await import('./list-ahead');

const ns = `int-ahead-${randomBytes(3).toString('hex')}`;
const NAMES = Array.from({ length: 7 }, (_, i) => `p-${i}`);
const core = () => adminKubeConfig().makeApiClient(CoreV1Api);
const names = (pages: Page[]) => pages.flatMap((p) => p.items.map((o) => o.metadata?.name));

async function ahead(o: { limit: number; chunk: number; continue?: string }, token = readToken('admin-user'), namespace = ns) {
  const pages: Page[] = [];
  const cont = await listAhead(token, 'pods', { namespace }, o, (p) => pages.push(p));
  return { pages, cont };
}

describe('listAhead (real API server)', () => {
  beforeAll(async () => {
    await ensureClusterUp({ quiet: true });
    await namespaceWithPods(ns, NAMES);
  });
  afterAll(async () => {
    await core().deleteNamespace({ name: ns }).catch(() => undefined);
  });

  it('pages of `chunk`, in order, equal to one plain listing; no token at the end', async () => {
    const plain = (await core().listNamespacedPod({ namespace: ns })).items.map((p) => p.metadata!.name);
    const { pages, cont } = await ahead({ limit: 100, chunk: 2 });
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2, 1]);
    expect(names(pages)).toEqual(plain);
    expect(cont).toBeUndefined();
    expect(pages[0].remaining).toBe(5);
  });

  it('stops at the limit with a token that resumes exactly after it', async () => {
    const first = await ahead({ limit: 3, chunk: 2 });
    expect(first.pages.map((p) => p.items.length)).toEqual([2, 1]);
    expect(first.cont).toBeTruthy();
    const rest = await ahead({ limit: 100, chunk: 1, continue: first.cont });
    expect([...names(first.pages), ...names(rest.pages)]).toEqual(NAMES);
    expect(rest.cont).toBeUndefined();
  });

  it('a garbage continue token is the API server’s 400, and the user’s own rights apply (403)', async () => {
    await expect(ahead({ limit: 4, chunk: 2, continue: 'not-a-token' })).rejects.toMatchObject({ body: { status: 400 } });
    await expect(ahead({ limit: 4, chunk: 2 }, readToken('team-a-editor'), 'kube-system')).rejects.toMatchObject({ body: { status: 403 } });
  });
});
