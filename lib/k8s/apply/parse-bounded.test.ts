import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/k8s/errors';

vi.mock('server-only', () => ({}));
const { parseManifestsBounded } = await import('./parse-bounded');

const cm = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;

// The worker thread runs the same pure parser; these check that it answers through the thread (documents and
// refusals) — big inputs go to the worker, small ones are parsed in place.
describe('parseManifestsBounded', { timeout: 120_000 }, () => {
  it('parses a large stream in a worker thread', async () => {
    const docs = Array.from({ length: 150 }, (_, i) => cm(`c${i}`, `data:\n${Array.from({ length: 20 }, (_, k) => `  k${k}: "${'v'.repeat(20)}"`).join('\n')}\n`)).join('---\n');
    expect(docs.length).toBeGreaterThan(16 * 1024);
    const parsed = await parseManifestsBounded('token-a', docs);
    expect(parsed).toHaveLength(150);
    expect(parsed.every((d) => d.ok)).toBe(true);
  });

  it('carries a refusal out of the worker as an ApiError', async () => {
    const flow = `{${Array.from({ length: 150_000 }, (_, i) => i.toString(36)).join(',')}}`;
    const err = await parseManifestsBounded('token-b', cm('keys', `data: ${flow}\n`)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).body).toMatchObject({ status: 413, message: expect.stringMatching(/more than 100000 keys/) });
  });
});
