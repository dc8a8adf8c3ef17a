import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/k8s/errors';
import { parseManifests } from './apply/parse';
import { editableYaml, editPatch as patchOf, mergePatch, oneObject } from './edit-patch';

const editPatch = (a: string, b: string, ...rest: [Parameters<typeof patchOf>[2], string]) => patchOf(oneObject(parseManifests(a), 'original'), oneObject(parseManifests(b), 'edited'), ...rest);

const live = {
  apiVersion: 'v1', kind: 'ConfigMap',
  metadata: { name: 'c', namespace: 'n', uid: 'u', resourceVersion: '7', creationTimestamp: '2026-01-01T00:00:00Z', managedFields: [{ manager: 'kubectl' }], labels: { a: 'b' } },
  data: { mode: '0644', flag: 'yes', keep: 'x' },
};
const id = { apiVersion: 'v1', kind: 'ConfigMap', name: 'c', namespace: 'n' };

describe('editableYaml', () => {
  it('drops what the server owns and quotes YAML 1.1 look-alikes', () => {
    const text = editableYaml(live);
    expect(text).not.toMatch(/uid|resourceVersion|managedFields|creationTimestamp/);
    expect(text).toContain('mode: "0644"');
    expect(text).toContain('flag: "yes"');
  });
});

describe('mergePatch', () => {
  it('is undefined for equal values and sets removed keys to null', () => {
    expect(mergePatch({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toBeUndefined();
    expect(mergePatch({ a: 1, b: { c: 1, d: 2 } }, { a: 2, b: { c: 1 } })).toEqual({ a: 2, b: { d: null } });
    expect(mergePatch({ l: [{ n: 'x', i: 'a' }] }, { l: [{ n: 'x', i: 'b' }] })).toEqual({ l: [{ n: 'x', i: 'b' }] });
  });
  it('refuses absurd nesting', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(() => mergePatch(deep, JSON.parse(JSON.stringify(deep).replace('"d":1', '"d":2')))).toThrow(ApiError);
  });
});

describe('editPatch', () => {
  const shown = editableYaml(live);
  it('carries only the change and the resourceVersion the editor started from', () => {
    const edited = shown.replace('keep: x', 'keep: z');
    expect(editPatch(shown, edited, id, '7')).toEqual({ data: { keep: 'z' }, metadata: { resourceVersion: '7' } });
  });
  it('is undefined when nothing changed, whatever the formatting', () => {
    expect(editPatch(shown, `${shown}\n# a comment\n`, id, '7')).toBeUndefined();
  });
  it('refuses renaming or moving the object', () => {
    expect(() => editPatch(shown, shown.replace('name: c', 'name: d'), id, '7')).toThrow(/metadata.name cannot be changed/);
    expect(() => editPatch(shown, `${shown}---\n${shown}`, id, '7')).toThrow(/exactly one object/);
  });
});
