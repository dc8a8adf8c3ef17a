import { describe, expect, it } from 'vitest';
import { catalogFrom, findEntry, matchEntries, sectionOf } from './catalog';
import { tableItems, tableRow, visibleColumns } from './table';

const res = (resource: string, kind: string, extra: object = {}) => ({ resource, responseKind: { kind }, scope: 'Namespaced' as const, verbs: ['list', 'watch'], ...extra });

describe('catalogFrom', () => {
  const catalog = catalogFrom([
    { kind: 'APIGroupDiscoveryList', items: [{ metadata: { name: '' }, versions: [{ version: 'v1', resources: [res('events', 'Event'), res('configmaps', 'ConfigMap', { shortNames: ['cm'] })] }] }] },
    {
      kind: 'APIGroupDiscoveryList', items: [
        { metadata: { name: 'apps' }, versions: [{ version: 'v1', resources: [res('statefulsets', 'StatefulSet', { shortNames: ['sts'], subresources: [{ subresource: 'scale' }] })] }] },
        { metadata: { name: 'events.k8s.io' }, versions: [{ version: 'v1', resources: [res('events', 'Event')] }] },
        { metadata: { name: 'ops.example.io' }, versions: [{ version: 'v2', resources: [res('backups', 'Backup')] }, { version: 'v1', resources: [res('backups', 'Backup'), res('olds', 'Old')] }] },
      ],
    },
  ]);

  it('names a plural served by two groups by plural.group, the core one by its plural', () => {
    expect(catalog.filter((e) => e.plural === 'events').map((e) => e.name)).toEqual(['events', 'events.events.k8s.io']);
  });
  it('takes the preferred (first) version, older versions only for resources it lacks', () => {
    expect(findEntry(catalog, 'backups')?.version).toBe('v2');
    expect(findEntry(catalog, 'olds')?.version).toBe('v1');
    expect(findEntry(catalog, 'statefulsets.apps')?.name).toBe('statefulsets');
    expect(findEntry(catalog, 'statefulsets')?.subresources).toEqual(['scale']);
    expect(findEntry(catalog, 'nope')).toBeUndefined();
  });
  it('matches short names, kinds and prefixes for "go to"', () => {
    expect(matchEntries(catalog, 'sts')[0].name).toBe('statefulsets');
    expect(matchEntries(catalog, 'CM')[0].name).toBe('configmaps');
    expect(matchEntries(catalog, 'backup')[0].name).toBe('backups');
  });
  it('sorts kinds into the Dashboard sections', () => {
    expect(sectionOf({ plural: 'statefulsets', group: 'apps' })).toBe('Workloads');
    expect(sectionOf({ plural: 'configmaps', group: '' })).toBe('Config & Storage');
    expect(sectionOf({ plural: 'clusterroles', group: 'rbac.authorization.k8s.io' })).toBe('Cluster');
    expect(sectionOf({ plural: 'backups', group: 'ops.example.io' })).toBe('Custom Resources');
  });
});

describe('Table rows', () => {
  it('keeps the cells and the identity, drops the rest of the metadata', () => {
    const [item] = tableItems({
      rows: [{ cells: ['cm1', 2, '5m'], object: { metadata: { uid: 'u1', name: 'cm1', namespace: 'a', resourceVersion: '7', creationTimestamp: '2026-01-01T00:00:00Z', ownerReferences: [{ kind: 'X', name: 'x', controller: true }] } } }],
    });
    expect(tableRow(item)).toEqual({ uid: 'u1', name: 'cm1', namespace: 'a', created: '2026-01-01T00:00:00Z', resourceVersion: '7', cells: ['cm1', 2, '5m'], owner: { kind: 'X', name: 'x' } });
  });
  it('shows priority-0 columns, all with wide', () => {
    const cols = [{ name: 'Name', type: 'string', priority: 0 }, { name: 'IP', type: 'string', priority: 1 }];
    expect(visibleColumns(cols, false).map((c) => c.index)).toEqual([0]);
    expect(visibleColumns(cols, true).map((c) => c.index)).toEqual([0, 1]);
  });
});
