import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/k8s/errors';
import { checkObject, parseManifests } from './parse';
import { APPLY_LIMITS } from './types';

const cm = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;

function refused(text: string): { status: number; message: string } {
  try {
    parseManifests(text);
  } catch (e) {
    if (e instanceof ApiError) return e.body;
  }
  throw new Error('not refused');
}

describe('parseManifests', () => {
  it('splits a multi-document stream and numbers documents with their first line', () => {
    const docs = parseManifests(`# header\n${cm('a')}---\n${cm('b')}`);
    expect(docs.map((d) => [d.index, d.startLine, d.name, d.ok])).toEqual([[0, 2, 'a', true], [1, 7, 'b', true]]);
  });

  it('skips empty documents and comment-only documents, like kubectl', () => {
    expect(parseManifests(`---\n${cm('a')}---\n# nothing\n---\n`).map((d) => d.name)).toEqual(['a']);
  });

  it('accepts JSON', () => {
    const [d] = parseManifests('{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x","namespace":"team-a"}}');
    expect(d).toMatchObject({ ok: true, kind: 'Deployment', namespace: 'team-a' });
  });

  it('reads numbers and booleans as kubectl does (YAML 1.1), timestamps and 1:20 stay strings', () => {
    const [d] = parseManifests(cm('a', 'x:\n  mode: 0644\n  on: yes\n  when: 2001-12-14\n  time: 1:20\n'));
    expect(d.ok && d.object.x).toEqual({ mode: 420, true: true, when: '2001-12-14', time: '1:20' });
  });

  it('reports a syntax error with line and column, without hiding the other documents', () => {
    const docs = parseManifests(`${cm('a')}---\n${cm('b', 'data:\n  k: v\n   bad: x\n')}---\n${cm('c')}`);
    expect(docs.map((d) => d.ok)).toEqual([true, false, true]);
    const bad = docs[1];
    expect(!bad.ok && bad.error.message).toMatch(/^YAML syntax error at line \d+, column \d+: /);
  });

  it('reports duplicate keys', () => {
    const [d] = parseManifests(cm('a', 'data: {}\ndata: {}\n'));
    expect(!d.ok && d.error.message).toMatch(/unique/);
  });

  it('expands kind: List into its items', () => {
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }, { kind: 'X' }] });
    const docs = parseManifests(list);
    expect(docs.map((d) => [d.index, d.kind, d.ok])).toEqual([[0, 'Secret', true], [1, 'X', false]]);
  });

  it('refuses more than 1 MiB before parsing', () => {
    const body = refused(cm('a', `data:\n  x: "${'a'.repeat(APPLY_LIMITS.maxBytes)}"\n`));
    expect(body.status).toBe(413);
    expect(body.message).toMatch(/at most 1048576 \(1 MiB\)/);
  });

  it('refuses more than 200 documents', () => {
    const text = Array.from({ length: 201 }, (_, i) => cm(`c${i}`)).join('---\n');
    expect(refused(text)).toMatchObject({ status: 413, message: expect.stringMatching(/201 documents; at most 200/) });
  });

  it('refuses a billion-laughs document', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const body = refused(cm('lol', `data:\n${levels.map((l) => `  ${l}`).join('\n')}\n`));
    expect(body).toMatchObject({ status: 400, message: expect.stringMatching(/billion laughs/) });
  });

  it('allows a few aliases', () => {
    const [d] = parseManifests(cm('a', 'data:\n  x: &v hello\n  z: *v\n'));
    expect(d.ok && d.object.data).toEqual({ x: 'hello', z: 'hello' });
  });
});

describe('checkObject', () => {
  it.each([
    [{ kind: 'Pod', metadata: { name: 'a' } }, /missing apiVersion/],
    [{ apiVersion: 'v1', metadata: { name: 'a' } }, /missing kind/],
    [{ apiVersion: 'v1', kind: 'Pod', metadata: {} }, /missing metadata.name/],
    [{ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'a-' } }, /generateName is not supported/],
    [{ apiVersion: 'a/b/v1', kind: 'Pod', metadata: { name: 'a' } }, /invalid apiVersion/],
    [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: '../x' } }, /invalid metadata.name/],
    [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'Bad_NS' } }, /invalid namespace/],
    [['a'], /not an object/],
  ])('refuses %j', (value, error) => {
    const r = checkObject(value);
    expect('error' in r && r.error).toMatch(error);
  });

  it('accepts names that are not DNS subdomains but are valid for their kinds', () => {
    expect('object' in checkObject({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'system:foo' } })).toBe(true);
  });
});

// Generous timeouts: these parse up to 1 MiB on a shared machine; what they check is the answer, not the time.
describe('parseManifests under hostile input (every step linear, limits before documents are built)', { timeout: 60_000 }, () => {
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `  k${i.toString(36)}: 1`).join('\n');

  it('refuses a mapping of 200,000 keys (1 MiB) with a 413 before composing it', () => {
    // `{a,b,…}`: a flow mapping of keys with null values, about 5 bytes a key.
    const flow = `{${Array.from({ length: 200_000 }, (_, i) => i.toString(36)).join(',')}}`;
    expect(flow.length).not.toBeGreaterThanOrEqual(APPLY_LIMITS.maxBytes - 100);
    expect(refused(cm('keys', `data: ${flow}\n`))).toMatchObject({ status: 413, message: expect.stringMatching(/more than 100000 keys/) });
  });

  it('refuses 262,144 empty documents before building them', () => {
    expect(refused('---\n'.repeat(262_144))).toMatchObject({ status: 413, message: expect.stringMatching(/more than 1000 YAML documents/) });
  });

  it.each([['flow', '['.repeat(200_000)], ['block', Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')], ['compact', `${'- '.repeat(150)}x`]])(
    'refuses %s nesting deeper than 100 levels with a 422 (no stack overflow)',
    (_, text) => {
      expect(refused(text)).toMatchObject({ status: 422, message: expect.stringMatching(/deeper than 100 levels/) });
    },
  );

  it('finds a duplicate key among 50,000 with its line', () => {
    const [d] = parseManifests(cm('dup', `data:\n${keys(50_000)}\n  k0: 2\n`));
    expect(!d.ok && d.error.message).toMatch(/line 50006, column 3: Map keys must be unique \("k0" appears twice\)/);
  });

  it('accepts keys that are equal only as different types in different mappings, and merge keys', () => {
    const [d] = parseManifests(cm('ok', 'data:\n  a: "1"\nx: {a: 1}\nbase: &b {p: 1}\nm:\n  <<: *b\n  q: 2\n'));
    expect(d.ok).toBe(true);
  });
});

