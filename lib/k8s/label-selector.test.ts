import { describe, expect, it } from 'vitest';
import { parseLabelSelector } from './label-selector';

describe('parseLabelSelector', () => {
  it.each([
    ['app=nginx', 'app=nginx'],
    ['app==nginx', 'app=nginx'],
    ['app!=nginx', 'app!=nginx'],
    ['env in (a,b)', 'env in (a,b)'],
    ['env notin (a, b)', 'env notin (a,b)'],
    ['!canary', '!canary'],
    ['canary', 'canary'],
    ['app=nginx, tier in (web), !canary', 'app=nginx,tier in (web),!canary'],
    ['app.kubernetes.io/name=web', 'app.kubernetes.io/name=web'],
    ['version>2', 'version>2'],
    ['app=', 'app='],
  ])('accepts %s', (input, normalized) => {
    const r = parseLabelSelector(input);
    expect(r).toMatchObject({ ok: true, normalized });
  });

  it('returns the requirements it parsed', () => {
    const r = parseLabelSelector('env in (a,b),!canary');
    expect(r.ok && r.requirements).toEqual([
      { key: 'env', operator: 'in', values: ['a', 'b'] },
      { key: 'canary', operator: '!', values: [] },
    ]);
  });

  it.each([
    ['app=nginx,', 'must not end'],
    ['env in (a,b', 'missing ")"'],
    ['env in a', 'expected "("'],
    ['=nginx', 'expected a label key'],
    ['app=ng inx', 'expected ","'],
    ['bad key!=x y', 'unexpected "key" after "bad"'],
    ['a/b/c=x', 'at most one "/"'],
    ['Foo_/bar=x', 'prefix must be a DNS subdomain'],
    ['app=-x', 'invalid label value'],
    [`app=${'x'.repeat(64)}`, 'invalid label value'],
    ['version>two', 'integer'],
    ['app=(x)', 'unexpected'],
  ])('rejects %s', (input, message) => {
    const r = parseLabelSelector(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(message);
  });
});
