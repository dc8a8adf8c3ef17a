import { describe, expect, it } from 'vitest';
import { capabilities, checksFor } from './catalog';

// Availability is data over the kind's descriptor, so kinds from discovery get the same actions.

const d = (group: string, kind: string, plural: string, extra: object = {}) => ({ group, kind, plural, namespaced: kind !== 'Node', ...extra });

describe('capabilities', () => {
  it('gives every kind edit and delete, scale to kinds with a scale subresource, and per-kind actions', () => {
    expect(capabilities(d('example.com', 'Widget', 'widgets'))).toEqual(['edit', 'delete']);
    expect(capabilities(d('example.com', 'Widget', 'widgets', { subresources: ['status', 'scale'] }))).toEqual(['edit', 'delete', 'scale']);
    expect(capabilities(d('apps', 'StatefulSet', 'statefulsets', { subresources: ['scale'] }))).toEqual(['edit', 'delete', 'scale', 'restart', 'history', 'undo']);
    expect(capabilities(d('batch', 'CronJob', 'cronjobs'))).toContain('run-now');
    expect(capabilities(d('', 'Node', 'nodes'))).toEqual(['edit', 'delete', 'cordon', 'uncordon', 'drain']);
    expect(capabilities(d('', 'Event', 'events'))).toEqual([]);
    // A Secret is not edited in place (its editor would show every value at once); it is deleted and applied.
    expect(capabilities(d('', 'Secret', 'secrets'))).toEqual(['delete']);
  });
});

describe('checksFor', () => {
  it('asks for what the handler does', () => {
    expect(checksFor('scale', d('apps', 'StatefulSet', 'statefulsets'), 'ns', 'web')).toEqual([{ verb: 'patch', group: 'apps', resource: 'statefulsets', subresource: 'scale', namespace: 'ns', name: 'web' }]);
    // A custom resource's scale, asked about one object, or (list rows) about the whole namespace.
    expect(checksFor('scale', d('example.com', 'Widget', 'widgets'), 'ns', 'w1')).toEqual([{ verb: 'patch', group: 'example.com', resource: 'widgets', subresource: 'scale', namespace: 'ns', name: 'w1' }]);
    expect(checksFor('scale', d('example.com', 'Widget', 'widgets'), 'ns')).toEqual([{ verb: 'patch', group: 'example.com', resource: 'widgets', subresource: 'scale', namespace: 'ns' }]);
    expect(checksFor('run-now', d('batch', 'CronJob', 'cronjobs'), 'ns', 'c')).toEqual([{ verb: 'create', group: 'batch', resource: 'jobs', namespace: 'ns' }]);
    expect(checksFor('drain', d('', 'Node', 'nodes'), undefined, 'n1').map((c) => `${c.verb} ${c.resource}${c.subresource ? `/${c.subresource}` : ''}`)).toEqual(['patch nodes', 'create pods/eviction']);
  });
});
