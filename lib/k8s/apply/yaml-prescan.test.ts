import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Parser, parseAllDocuments, stringify, type CST } from 'yaml';
import { prescanYaml } from './yaml-prescan';

const NO_LIMIT = { nodes: Infinity, depth: Infinity, separators: Infinity };
const LIMITS = { nodes: 100_000, depth: 100, separators: 1_000 };

/** What yaml-scan.ts measures on the CST: collections + their entries, deepest nesting, document tokens. */
function exact(text: string) {
  const out = { nodes: 0, depth: 0, separators: 0 };
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    out.separators++;
    const stack: [CST.Token | undefined, number][] = [[token.value, 0]];
    while (stack.length) {
      const [t, depth] = stack.pop()!;
      if (!t || (t.type !== 'block-map' && t.type !== 'block-seq' && t.type !== 'flow-collection')) continue;
      out.depth = Math.max(out.depth, depth + 1);
      out.nodes += 1 + t.items.length;
      for (const item of t.items) {
        if ('key' in item && item.key) stack.push([item.key, depth + 1]);
        stack.push([item.value, depth + 1]);
      }
    }
  }
  return out;
}

const valid = (text: string) => parseAllDocuments(text, { version: '1.1' }).every((d) => !('errors' in d) || d.errors.length === 0);

/** The property that makes the pre-scan safe to refuse on: never more than the exact count, on valid YAML. */
function expectLowerBound(text: string) {
  if (!valid(text)) return false;
  const lower = prescanYaml(text, NO_LIMIT);
  const real = exact(text);
  expect.soft(lower.nodes, text).toBeLessThanOrEqual(real.nodes);
  expect.soft(lower.depth, text).toBeLessThanOrEqual(real.depth);
  expect.soft(lower.separators, text).toBeLessThanOrEqual(real.separators);
  return true;
}

// A small deterministic generator (mulberry32): the same cases on every run.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = ['- ', ': ', ' #', '#', "'", '"', '[', ']', '{', '}', ',', '|', '>', '---', '...', '\n', '\\', '  ', '? ', '&a', '*a', '!x', 'a', 'key', '0644', 'yes', ' - x', '\n- ', '\n  - ', ':'];

function value(rnd: () => number, depth: number): unknown {
  const r = rnd();
  if (depth > 4 || r < 0.4) return Array.from({ length: Math.floor(rnd() * 5) }, () => NASTY[Math.floor(rnd() * NASTY.length)]).join('');
  if (r < 0.7) return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => [`${value(rnd, 9)}${i}`, value(rnd, depth + 1)]));
  return Array.from({ length: Math.floor(rnd() * 4) }, () => value(rnd, depth + 1));
}

const STYLES = [
  {}, { collectionStyle: 'flow' as const }, { indentSeq: false }, { indent: 1 }, { indent: 4 }, { lineWidth: 20, minContentWidth: 5 },
  { defaultStringType: 'QUOTE_DOUBLE' as const }, { defaultStringType: 'QUOTE_SINGLE' as const }, { defaultStringType: 'BLOCK_LITERAL' as const },
  { defaultStringType: 'BLOCK_FOLDED' as const, lineWidth: 20 }, { defaultKeyType: 'PLAIN' as const, defaultStringType: 'PLAIN' as const, lineWidth: 15 },
];

const fixtures = [path.resolve(__dirname, '../../../e2e/fixtures'), path.resolve(__dirname, '../../../deploy')]
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(path.join(dir, f), 'utf8')));

describe('prescanYaml', { timeout: 60_000 }, () => {
  it('never counts more than the exact CST measure, on generated YAML in every style', () => {
    const rnd = random(10);
    let checked = 0;
    for (let k = 0; k < 400; k++) {
      const docs = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => value(rnd, 0));
      const text = docs.map((d) => stringify(d, STYLES[k % STYLES.length])).join('---\n');
      if (expectLowerBound(text)) checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('never counts more than the exact measure on hand-written corner cases', () => {
    const cases = [
      'key: this is\n  - not a sequence\n  - still the scalar\n',
      'abc\n- x\n- y\n',
      'key: |\n  - a\n  - b: [c, d]\n  # not a comment\nnext: 1\n',
      '- |\n  [a, b, c]\n- >-\n  {x: y}\n',
      'key:\n  |\n  - text\nother: x\n',
      'a: "quoted - x\n  : y, [z]"\nb: \'it\'\'s [a, b]\'\n',
      'a: [x, "y, z", \'[\', {k: v}] # , , , [\nb: {"a":[1,2],"b":3}\n',
      'a: b # [c, d\nc:\n- - - x\n',
      '--- |\n  [1,2,3]\n---\n- a\n...\n--- >\nline\n- not: seq\n',
      '? - a\n  - b\n: [c, d]\n',
      'key: &anchor !!str value, with colon\nref: *anchor\n*anchor : x\n',
      'url: http://example.com:8080/a#b\ntime: 12:30:00\nlist: [a:b, c]\n',
      'a:\n- b\n- c: |\n    - d\n  e: f\n',
      'script: |-\n  #!/bin/sh\n  echo "--- [ ]"\n  for i in 1 2; do echo $i, ok; done\n',
      '%YAML 1.1\n---\na: 1\n',
      'k: "\\"[a, b]\\""\nl: [a\n  , b]\n',
    ];
    for (const text of cases) expect(expectLowerBound(text), text).toBe(true);
  });

  it('passes realistic manifests, up to 1 MiB of them', () => {
    expect(fixtures.length).toBeGreaterThan(3);
    const valid = fixtures.filter((f) => expectLowerBound(f));
    expect(valid.length).toBeGreaterThan(3);
    let stream = '';
    while (stream.length < 1024 * 1024 - 20_000) stream += `---\n${valid[stream.length % valid.length]}`;
    const counts = prescanYaml(stream, LIMITS);
    expect(counts.nodes).toBeLessThanOrEqual(LIMITS.nodes);
    expect(counts.depth).toBeLessThanOrEqual(LIMITS.depth);
  });

  it('sees the attacks of the hostile corpus far over the limits', () => {
    const keys = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {${Array.from({ length: 200_000 }, (_, i) => i.toString(36)).join(',')}}\n`;
    expect(prescanYaml(keys, LIMITS).nodes).toBeGreaterThan(LIMITS.nodes);
    expect(prescanYaml('['.repeat(200_000), LIMITS).depth).toBeGreaterThan(LIMITS.depth);
    expect(prescanYaml(`${'- '.repeat(150)}x`, LIMITS).depth).toBeGreaterThan(LIMITS.depth);
    expect(prescanYaml('---\n'.repeat(262_144), LIMITS).separators).toBeGreaterThan(LIMITS.separators);
    expect(prescanYaml(Array.from({ length: 120_000 }, (_, i) => `k${i}: v`).join('\n'), LIMITS).nodes).toBeGreaterThan(LIMITS.nodes);
    expect(prescanYaml(Array.from({ length: 120_000 }, () => '- x').join('\n'), LIMITS).nodes).toBeGreaterThan(LIMITS.nodes);
  });

  it('does not count what is inside comments, quotes or block scalars', () => {
    const hidden = `a: "${'[,'.repeat(1000)}"\nb: '${'{,'.repeat(1000)}'\n# ${'[['.repeat(1000)}\nc: |\n  ${'- - '.repeat(1000)}\n`;
    expect(prescanYaml(hidden, LIMITS)).toEqual({ nodes: 3, depth: 0, separators: 0 });
  });
});
