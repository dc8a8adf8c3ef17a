import { PbfWriter } from 'pbf';
import { describe, expect, it } from 'vitest';
import { decodeMetadataList, metadataListOf } from './metadata-list';

// The protobuf reader of a kind's metadata list, on bytes written field by field as the API server writes them
// (k8s.io/apimachinery generated.proto). That it reads the API server's own answers is shown against the local
// cluster in lib/k8s/list-bulk.int.test.ts.

const CREATED = Date.UTC(2026, 10, 30, 15, 27, 8) / 1000;

function objectMeta(pbf: PbfWriter, i: number) {
  pbf.writeStringField(1, `backup-${i}`);
  pbf.writeStringField(3, 'team-a');
  pbf.writeStringField(5, `uid-${i}`);
  pbf.writeStringField(6, String(100 + i));
  pbf.writeVarintField(7, 3); // generation: not read
  pbf.writeMessage(8, (_: unknown, w: PbfWriter) => { w.writeVarintField(1, CREATED); w.writeVarintField(2, 123_000_000); }, null);
  pbf.writeMessage(11, (_: unknown, w: PbfWriter) => { w.writeStringField(1, 'app'); w.writeStringField(2, 'db'); }, null); // a label
  if (i === 0) {
    pbf.writeMessage(13, (_: unknown, w: PbfWriter) => {
      w.writeStringField(1, 'CronJob'); w.writeStringField(3, 'nightly'); w.writeStringField(4, 'owner-uid'); w.writeStringField(5, 'batch/v1'); w.writeBooleanField(6, true); w.writeBooleanField(7, true);
    }, null);
  }
  // managedFields: an entry whose fieldsV1 is raw JSON bytes
  pbf.writeMessage(17, (_: unknown, w: PbfWriter) => { w.writeStringField(1, 'kubectl'); w.writeMessage(7, (__: unknown, f: PbfWriter) => f.writeBytesField(1, Buffer.from('{"f:spec":{}}')), null); }, null);
}

function answer(opts: { kind?: string; items?: number; magic?: string } = {}): Buffer {
  const list = new PbfWriter();
  list.writeMessage(1, (_: unknown, w: PbfWriter) => { w.writeStringField(2, '4242'); w.writeStringField(3, 'next-page'); w.writeVarintField(4, 7); }, null);
  for (let i = 0; i < (opts.items ?? 2); i++) list.writeMessage(2, (_: unknown, w: PbfWriter) => w.writeMessage(1, (__: unknown, m: PbfWriter) => objectMeta(m, i), null), null);
  const envelope = new PbfWriter();
  envelope.writeMessage(1, (_: unknown, w: PbfWriter) => { w.writeStringField(1, 'meta.k8s.io/v1'); w.writeStringField(2, opts.kind ?? 'PartialObjectMetadataList'); }, null);
  envelope.writeBytesField(2, list.finish());
  return Buffer.concat([Buffer.from(opts.magic ?? 'k8s\0', 'latin1'), envelope.finish()]);
}

describe('decodeMetadataList', () => {
  it('reads what a row uses, in order, and skips the rest by length', () => {
    const l = decodeMetadataList(answer());
    expect(l.metadata).toEqual({ resourceVersion: '4242', continue: 'next-page', remainingItemCount: 7 });
    expect(l.items).toEqual([
      {
        metadata: {
          name: 'backup-0', namespace: 'team-a', uid: 'uid-0', resourceVersion: '100', creationTimestamp: '2026-11-30T15:27:08Z',
          ownerReferences: [{ kind: 'CronJob', name: 'nightly', uid: 'owner-uid', apiVersion: 'batch/v1', controller: true }],
        },
      },
      { metadata: { name: 'backup-1', namespace: 'team-a', uid: 'uid-1', resourceVersion: '101', creationTimestamp: '2026-11-30T15:27:08Z' } },
    ]);
  });

  it('leaves out what JSON leaves out: empty strings (a cluster-scoped object\'s namespace) and a zero time', () => {
    const list = new PbfWriter();
    list.writeMessage(1, (_: unknown, w: PbfWriter) => { w.writeStringField(2, '7'); w.writeStringField(3, ''); }, null);
    list.writeMessage(2, (_: unknown, w: PbfWriter) => w.writeMessage(1, (__: unknown, m: PbfWriter) => {
      m.writeStringField(1, 'cluster-admin');
      m.writeStringField(3, '');
      m.writeStringField(5, 'uid-ca');
      m.writeMessage(8, () => undefined, null); // metav1.Time's zero value: an empty message
    }, null), null);
    const envelope = new PbfWriter();
    envelope.writeMessage(1, (_: unknown, w: PbfWriter) => w.writeStringField(2, 'PartialObjectMetadataList'), null);
    envelope.writeBytesField(2, list.finish());
    const l = decodeMetadataList(Buffer.concat([Buffer.from('k8s\0', 'latin1'), envelope.finish()]));
    expect(l.metadata).toEqual({ resourceVersion: '7' });
    expect(l.items).toEqual([{ metadata: { name: 'cluster-admin', uid: 'uid-ca' } }]);
  });

  it('reads an empty list', () => {
    expect(decodeMetadataList(answer({ items: 0 })).items).toEqual([]);
  });

  it('refuses bytes that are not a metadata list', () => {
    expect(() => decodeMetadataList(answer({ magic: '{"ki' }))).toThrow('not a Kubernetes protobuf answer');
    expect(() => decodeMetadataList(answer({ kind: 'Status' }))).toThrow('not a PartialObjectMetadataList: Status');
  });
});

describe('metadataListOf', () => {
  const PB = 'application/vnd.kubernetes.protobuf';

  it('decodes by the answer’s Content-Type: protobuf, or the JSON a server sends when it has no protobuf', () => {
    expect(metadataListOf(PB, answer())?.items).toHaveLength(2);
    const json = { kind: 'PartialObjectMetadataList', metadata: { resourceVersion: '9' }, items: [{ metadata: { name: 'a' } }] };
    expect(metadataListOf('application/json', Buffer.from(JSON.stringify(json)))).toEqual(json);
  });

  it('is undefined for anything else, so the caller reads the Table with metadata instead', () => {
    expect(metadataListOf(PB, answer().subarray(0, 60))).toBeUndefined();
    expect(metadataListOf(PB, answer({ kind: 'Table' }))).toBeUndefined();
    expect(metadataListOf('application/json', Buffer.from('{"kind":"Table","rows":[]}'))).toBeUndefined();
    expect(metadataListOf('application/json', Buffer.from('not json'))).toBeUndefined();
  });
});
