import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { templateFor } from './templates';

describe('templateFor', () => {
  it('gives a valid, commented object in the selected namespace', () => {
    const text = templateFor({ kind: 'Deployment', group: 'apps', version: 'v1', namespaced: true }, 'team-a');
    expect(text).toMatch(/^# A new Deployment/);
    const [doc] = parseAllDocuments(text);
    expect(doc.errors).toEqual([]);
    expect(doc.toJS()).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: 'team-a' }, spec: { replicas: 2 } });
  });
  it('leaves the namespace out for cluster-scoped kinds and has a skeleton for any kind', () => {
    const doc = parseAllDocuments(templateFor({ kind: 'Widget', group: 'example.com', version: 'v1alpha1', namespaced: false }, 'team-a'))[0].toJS();
    expect(doc).toEqual({ apiVersion: 'example.com/v1alpha1', kind: 'Widget', metadata: { name: 'my-widget' }, spec: {} });
  });
  it.each(['Job', 'CronJob', 'StatefulSet', 'DaemonSet'])('parses the %s template', (kind) => {
    const group = kind.endsWith('Job') ? 'batch' : 'apps';
    expect(parseAllDocuments(templateFor({ kind, group, version: 'v1', namespaced: true }, 'x'))[0].errors).toEqual([]);
  });
});
