import { describe, expect, it } from 'vitest';
import { listHead } from './list-head';

describe('listHead', () => {
  it('reads the list metadata from the head of a PodList before its items', () => {
    const prefix = '{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"4711","continue":"eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ","remainingItemCount":29000},"items":[{"metadata":{"name":"a"';
    expect(listHead(prefix)).toEqual({ resourceVersion: '4711', continue: 'eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ', remainingItemCount: 29000 });
  });

  it('reads a Table answer the same way', () => {
    expect(listHead('{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"9"},"columnDefinitions":[{"name":"Name"')).toEqual({ resourceVersion: '9' });
  });

  it('gives up on what it cannot be sure of: a cut head, items first, nested or broken metadata', () => {
    expect(listHead('{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"47')).toBeUndefined();
    expect(listHead('{"items":[],"metadata":{"continue":"x"}}')).toBeUndefined();
    expect(listHead('{"kind":"PodList","metadata":{"a":{"continue":"x"}}}')).toBeUndefined();
    expect(listHead('{"kind":"PodList","metadata":{"continue":"x}"},"items":[]}')).toBeUndefined();
    expect(listHead('[{"metadata":{"continue":"x"}}]')).toBeUndefined();
  });

  it('reads a pretty-printed answer (`?pretty=true`, or the API server answering curl)', () => {
    expect(listHead('{\n  "kind": "PodList",\n  "apiVersion": "v1",\n  "metadata": {\n    "continue": "x"\n  },\n  "items": [')).toEqual({ continue: 'x' });
  });

  it('does not take the metadata of an item for the list’s', () => {
    expect(listHead('{"kind":"PodList","items":[{"metadata":{"name":"a"}}],"metadata":{"continue":"x"}}')).toBeUndefined();
  });
});
