import { describe, expect, it } from 'vitest';
import { diffObjects, stripNoise } from './diff';
import { conflictsOf } from './conflicts';
import { normalizeApplyError } from './server-errors';
import { errorLine, outcomeLine, resourceName } from './words';

const live = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'nginx', namespace: 'default', uid: 'u1', resourceVersion: '10', generation: 2, creationTimestamp: '2024-01-01T00:00:00Z',
    managedFields: [{ manager: 'kubectl' }],
    annotations: { 'deployment.kubernetes.io/revision': '2' },
    labels: { app: 'nginx' },
  },
  spec: { replicas: 3, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:alpine' }] } } },
  status: { readyReplicas: 3 },
};

describe('stripNoise', () => {
  it('drops what changes on every write and leaves the input alone', () => {
    const s = stripNoise(live);
    expect(s).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' } }, spec: live.spec });
    expect(live.metadata.resourceVersion).toBe('10');
  });
});

describe('diffObjects', () => {
  it('is unchanged when only noise differs', () => {
    const next = { ...live, metadata: { ...live.metadata, resourceVersion: '11', managedFields: [] }, status: { readyReplicas: 1 } };
    expect(diffObjects(live, next)).toEqual({ changed: false });
  });

  it('is unchanged whatever the key order', () => {
    const reordered = { spec: live.spec, metadata: { labels: { app: 'nginx' }, namespace: 'default', name: 'nginx' }, kind: 'Deployment', apiVersion: 'apps/v1' };
    expect(diffObjects(live, reordered).changed).toBe(false);
  });

  it('shows a change as a unified diff of sorted YAML', () => {
    const next = { ...live, spec: { ...live.spec, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } };
    const { changed, diff } = diffObjects(live, next);
    expect(changed).toBe(true);
    expect(diff).toMatch(/^--- live\n\+\+\+ after apply\n@@ /);
    expect(diff).toContain('-        - image: nginx:alpine\n+        - image: nginx:1.27');
    expect(diff).not.toMatch(/resourceVersion|managedFields|readyReplicas/);
  });
});

describe('secrets in diffs', () => {
  it('never shows secret values, only which ones change', () => {
    const secret = (data: Record<string, string>, extra = {}) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', ...extra }, data });
    const { diff } = diffObjects(secret({ same: 'c2FtZQ==', old: 'b2xk' }), secret({ same: 'c2FtZQ==', old: 'bmV3', added: 'eA==' }));
    expect(diff).not.toMatch(/c2FtZQ|b2xk|bmV3|eA==/);
    expect(diff).toContain('+  added: "*** (after)"');
    expect(diff).toContain('-  old: "*** (before)"\n');
    expect(diff).toContain('+  old: "*** (after)"\n');
    expect(diff).toContain('   same: "***"');
  });

  it('sees a change of a secret value even though it hides it', () => {
    expect(diffObjects({ kind: 'Secret', metadata: {}, data: { a: 'eA==' } }, { kind: 'Secret', metadata: {}, data: { a: 'eQ==' } }).changed).toBe(true);
  });
});

describe('words', () => {
  it('names resources like kubectl', () => {
    expect(resourceName('Deployment', 'apps')).toBe('deployment.apps');
    expect(resourceName('Service', '')).toBe('service');
    expect(resourceName('Widget', 'example.com')).toBe('widget.example.com');
  });

  it('says what happened in kubectl words', () => {
    expect(outcomeLine('deployment.apps', 'nginx', 'created')).toBe('deployment.apps/nginx created');
    expect(outcomeLine('service', 'nginx', 'configured')).toBe('service/nginx configured');
    expect(outcomeLine('pod', 'web-site', 'unchanged')).toBe('pod/web-site unchanged');
    expect(outcomeLine('deployment.apps', 'nginx', 'change')).toBe('deployment.apps/nginx would change');
    expect(outcomeLine('deployment.apps', 'nginx', 'deleted')).toBe('deployment.apps "nginx" deleted');
    expect(errorLine({ status: 403, reason: 'Forbidden', message: 'no' }, true)).toBe('Error from server (Forbidden): no');
    expect(errorLine({ status: 400, reason: 'BadRequest', message: 'bad' }, false, 'document 2')).toBe('error: document 2: bad');
  });
});

describe('conflictsOf', () => {
  it('lists the fields and their managers of a 409 apply conflict', () => {
    const error = {
      status: 409, reason: 'Conflict', message: 'Apply failed with 2 conflicts',
      causes: [
        { field: '.spec.replicas', reason: 'FieldManagerConflict', message: 'conflict with "kubectl-scale" with subresource "scale" using apps/v1' },
        { field: '.spec.template.spec.containers[name="nginx"].image', reason: 'FieldManagerConflict', message: 'conflict with "wheelhouse-seed"' },
      ],
    };
    expect(conflictsOf(error).map((c) => [c.field, c.manager])).toEqual([
      ['.spec.replicas', 'kubectl-scale'],
      ['.spec.template.spec.containers[name="nginx"].image', 'wheelhouse-seed'],
    ]);
    expect(conflictsOf({ status: 422, reason: 'Invalid', message: 'x' })).toEqual([]);
  });
});

describe('normalizeApplyError', () => {
  it('turns an unknown field (a 500 from server-side apply) into a 400 with the field', () => {
    const body = normalizeApplyError({ status: 500, reason: 'InternalError', message: 'failed to create typed patch object (default/cm2; /v1, Kind=ConfigMap): .extra: field not declared in schema' });
    expect(body).toEqual({
      status: 400, reason: 'BadRequest', message: "the document does not match the kind's schema: .extra: unknown field",
      causes: [{ field: '.extra', reason: 'FieldValueUnknown', message: 'unknown field' }],
    });
  });

  it('makes type errors readable and splits several errors', () => {
    const message = 'failed to create typed patch object (default/x; apps/v1, Kind=Deployment): errors:\n  .spec.replicas: expected numeric (int or float), got string\n  .data.bogus: expected string, got &value.valueUnstructured{Value:map[string]interface {}{"x":1}}';
    const body = normalizeApplyError({ status: 500, reason: 'InternalError', message });
    expect(body.causes).toEqual([
      { field: '.spec.replicas', reason: 'FieldValueTypeInvalid', message: 'expected numeric (int or float), got string' },
      { field: '.data.bogus', reason: 'FieldValueTypeInvalid', message: 'expected string, got an object' },
    ]);
  });

  it('leaves other errors alone', () => {
    const e = { status: 500, reason: 'InternalError', message: 'etcd is down' };
    expect(normalizeApplyError(e)).toBe(e);
  });
});

describe('diffObjects on huge changes (bounded)', () => {
  const cm = (prefix: string, n: number) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { big: Array.from({ length: n }, (_, i) => `${prefix}${i}`).join('\n') } });

  it('does not diff past the line ceiling and says how many lines there are', () => {
    const { changed, diff } = diffObjects(cm('a', 15_000), cm('b', 15_000));
    expect(changed).toBe(true);
    expect(diff).toMatch(/^\(too large to diff: more than 20000 lines; \d+ lines live, \d+ after apply\)/);
  });

  it('gives up when more lines change than the edit budget', () => {
    const { diff } = diffObjects(cm('a', 3_000), cm('b', 3_000));
    expect(diff).toMatch(/too large to diff: more than 2000 lines changed/);
  });

  it('still diffs a large object with a small change', () => {
    const before = cm('a', 5_000);
    const after = { ...before, data: { big: before.data.big.replace('a2500', 'changed') } };
    const { diff } = diffObjects(before, after);
    expect(diff).toMatch(/^-\s+a2500$/m);
    expect(diff).toMatch(/^\+\s+changed$/m);
  });
});

