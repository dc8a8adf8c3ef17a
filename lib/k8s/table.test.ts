import { describe, expect, it } from 'vitest';
import { joinTableMetadata, tableItems, type MetadataList, type Table } from './table';

const table = (rv: string, names: string[]): Table => ({
  kind: 'Table', metadata: { resourceVersion: rv }, columnDefinitions: [{ name: 'Name', type: 'string', priority: 0 }],
  rows: names.map((n) => ({ cells: [n, 'Ready'] })),
});
const list = (rv: string, objs: [string, string][]): MetadataList => ({
  metadata: { resourceVersion: rv }, items: objs.map(([namespace, name]) => ({ metadata: { namespace, name, uid: `${namespace}/${name}` } })),
});

describe('joinTableMetadata', () => {
  it('gives each row its object’s metadata, as includeObject=Metadata would', () => {
    const joined = joinTableMetadata(table('9', ['a', 'b']), list('9', [['ns1', 'a'], ['ns2', 'b']]))!;
    expect(tableItems(joined)).toEqual([
      { cells: ['a', 'Ready'], metadata: { namespace: 'ns1', name: 'a', uid: 'ns1/a' } },
      { cells: ['b', 'Ready'], metadata: { namespace: 'ns2', name: 'b', uid: 'ns2/b' } },
    ]);
    expect(joined.columnDefinitions).toHaveLength(1);
    expect(joined.metadata?.resourceVersion).toBe('9');
  });

  it('refuses answers that are not provably one snapshot', () => {
    expect(joinTableMetadata(table('9', ['a', 'b']), list('10', [['n', 'a'], ['n', 'b']]))).toBeUndefined();
    expect(joinTableMetadata(table('9', ['a', 'b']), list('9', [['n', 'a']]))).toBeUndefined();
    expect(joinTableMetadata(table('9', ['a', 'b']), list('9', [['n', 'b'], ['n', 'a']]))).toBeUndefined();
    expect(joinTableMetadata({ ...table('9', []), metadata: {} }, { items: [] })).toBeUndefined();
  });

  it('joins two empty answers of the same snapshot', () => {
    expect(tableItems(joinTableMetadata(table('3', []), list('3', []))!)).toEqual([]);
  });
});
