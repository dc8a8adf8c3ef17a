import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/k8s/errors';

vi.mock('server-only', () => ({}));
// The deadline is a server setting; a loaded test machine must not turn these checks into timeouts.
process.env.WHEELHOUSE_YAML_DEADLINE_MS = '120000';
const { parseManifestsBounded } = await import('./parse-bounded');

const cm = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;

// The worker thread runs the same pure parser; these check that it answers through the thread (documents and
// refusals) — big inputs go to the worker, small ones are parsed in place.
describe('parseManifestsBounded', { timeout: 120_000 }, () => {
  it('parses a large stream in a worker thread', async () => {
    const docs = Array.from({ length: 130 }, (_, i) => cm(`c${i}`, `data:\n${Array.from({ length: 20 }, (_, k) => `  k${k}: "${'v'.repeat(20)}"`).join('\n')}\n`)).join('---\n');
    expect(docs.length).toBeGreaterThan(16 * 1024);
    const parsed = await parseManifestsBounded('token-a', docs);
    expect(parsed).toHaveLength(130);
    expect(parsed.every((d) => d.ok)).toBe(true);
  });

  it('carries a refusal out of the worker as an ApiError', async () => {
    // Nesting by indentation is not seen by the pre-scan: the worker's exact scan refuses it.
    const deep = `# ${'x'.repeat(16 * 1024)}\n${Array.from({ length: 130 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')}\n`;
    const err = await parseManifestsBounded('token-b', deep).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).body).toMatchObject({ status: 422, message: expect.stringMatching(/deeper than 100 levels/) });
  });

  it('refuses far-over-limit input before any worker, and parses 1 MiB of realistic manifests within the worker heap', async () => {
    const flow = `{${Array.from({ length: 150_000 }, (_, i) => i.toString(36)).join(',')}}`;
    const err = await parseManifestsBounded('token-c', cm('keys', `data: ${flow}\n`)).catch((e: unknown) => e);
    expect((err as ApiError).body).toMatchObject({ status: 413, message: expect.stringMatching(/more than 100000 keys/) });
    // 1 MiB of realistic manifests (large Deployments, ~35,000 entries) fits the worker's heap.
    const env = Array.from({ length: 120 }, (_, k) => `        - name: VAR_${k}\n          value: "value-${k}-${'x'.repeat(12)}"`).join('\n');
    const dep = (i: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\n  labels: {app: web}\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        env:\n${env}\n`;
    const stream = Array.from({ length: 130 }, (_, i) => dep(i)).join('---\n');
    expect(stream.length).toBeGreaterThan(1_000_000);
    const docs = await parseManifestsBounded('token-c', stream);
    expect(docs.filter((d) => d.ok)).toHaveLength(130);
  });

  it('answers 429 to a user who already has three parses running or waiting', async () => {
    const big = cm('big', `data:\n${Array.from({ length: 2_500 }, (_, i) => `  k${i}: v`).join('\n')}\n`);
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => parseManifestsBounded('token-d', big)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    expect(((results[3] as PromiseRejectedResult).reason as ApiError).body.status).toBe(429);
  });
});
