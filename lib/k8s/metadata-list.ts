import { PbfReader } from 'pbf';
import { METADATA_LIST_ACCEPT, type MetadataList, type RowMetadata } from './table';

// A kind's metadata list (PartialObjectMetadataList) in Kubernetes' protobuf encoding. Every kind serves it so,
// custom resources too (their objects are JSON only; this list is a meta.k8s.io type), and it is the cheaper half of
// a bulk read (lib/k8s/watch/upstream.ts) on both sides: for 10,000 custom resources the API server answers in ~0.2 s
// instead of ~0.33 s, and a reader that skips what a row does not use (managedFields, labels, annotations) takes a
// fraction of JSON.parse's ~0.11 s for 6.8 MB. A server that cannot answer so sends JSON (the Accept lists it next).
// Field numbers: k8s.io/apimachinery pkg/apis/meta/v1/generated.proto and pkg/runtime/generated.proto (Unknown).

export const METADATA_LIST_PROTOBUF_ACCEPT = `application/vnd.kubernetes.protobuf;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,${METADATA_LIST_ACCEPT}`;

const PROTOBUF = 'application/vnd.kubernetes.protobuf';
/** Every Kubernetes protobuf answer starts so, then one runtime.Unknown: its type, and the object's own bytes. */
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

type Owner = NonNullable<RowMetadata['ownerReferences']>[number];
type Envelope = { kind?: string; raw?: Uint8Array; encoding?: string };
type List = { metadata: NonNullable<MetadataList['metadata']>; items: { metadata: RowMetadata }[] };

// metav1.Time is whole seconds in JSON ("2026-11-30T15:27:52Z"), the form a row carries.
const rfc3339 = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function typeMeta(tag: number, t: { kind?: string }, pbf: PbfReader) {
  if (tag === 2) t.kind = pbf.readString();
}

function envelope(tag: number, e: Envelope, pbf: PbfReader) {
  if (tag === 1) e.kind = pbf.readMessage(typeMeta, {} as { kind?: string }).kind;
  else if (tag === 2) e.raw = pbf.readBytes();
  else if (tag === 3) e.encoding = pbf.readString();
}

// A zero time (no creationTimestamp: JSON null) is an empty message.
function time(tag: number, t: { seconds?: number }, pbf: PbfReader) {
  if (tag === 1) t.seconds = pbf.readVarint(true);
}

// Protobuf writes an empty string where JSON leaves the field out (a cluster-scoped object's namespace): it is left
// out here too.
function text<K extends string>(o: Partial<Record<K, string>>, key: K, pbf: PbfReader) {
  const v = pbf.readString();
  if (v) o[key] = v;
}

function owner(tag: number, o: Owner, pbf: PbfReader) {
  if (tag === 1) o.kind = pbf.readString();
  else if (tag === 3) o.name = pbf.readString();
  else if (tag === 4) text(o, 'uid', pbf);
  else if (tag === 5) text(o, 'apiVersion', pbf);
  else if (tag === 6) o.controller = pbf.readBoolean();
}

// Any field not read here is skipped by its length (PbfReader.readFields).
function objectMeta(tag: number, m: RowMetadata, pbf: PbfReader) {
  if (tag === 1) text(m, 'name', pbf);
  else if (tag === 3) text(m, 'namespace', pbf);
  else if (tag === 5) text(m, 'uid', pbf);
  else if (tag === 6) text(m, 'resourceVersion', pbf);
  else if (tag === 8) {
    const { seconds } = pbf.readMessage(time, {} as { seconds?: number });
    if (seconds) m.creationTimestamp = rfc3339(seconds);
  } else if (tag === 13) (m.ownerReferences ??= []).push(pbf.readMessage(owner, { kind: '', name: '' }));
}

function item(tag: number, i: { metadata: RowMetadata }, pbf: PbfReader) {
  if (tag === 1) i.metadata = pbf.readMessage(objectMeta, {} as RowMetadata);
}

function listMeta(tag: number, m: List['metadata'], pbf: PbfReader) {
  if (tag === 2) text(m, 'resourceVersion', pbf);
  else if (tag === 3) text(m, 'continue', pbf);
  else if (tag === 4) m.remainingItemCount = pbf.readVarint(true);
}

function list(tag: number, l: List, pbf: PbfReader) {
  if (tag === 1) l.metadata = pbf.readMessage(listMeta, {} as List['metadata']);
  else if (tag === 2) l.items.push(pbf.readMessage(item, { metadata: {} }));
}

/** The metadata list from its protobuf bytes; throws on anything else. */
export function decodeMetadataList(bytes: Uint8Array): MetadataList {
  if (!MAGIC.every((b, i) => bytes[i] === b)) throw new Error('not a Kubernetes protobuf answer');
  const e = new PbfReader(bytes.subarray(MAGIC.length)).readFields(envelope, {} as Envelope);
  if (e.kind !== 'PartialObjectMetadataList' || !e.raw || e.encoding) throw new Error(`not a PartialObjectMetadataList: ${e.kind}`);
  return new PbfReader(e.raw).readFields(list, { metadata: {}, items: [] } as List);
}

/** An answer to METADATA_LIST_PROTOBUF_ACCEPT, in whichever encoding the server chose; undefined if it is not one. */
export function metadataListOf(contentType: string | undefined, bytes: Buffer): MetadataList | undefined {
  try {
    if (contentType?.startsWith(PROTOBUF)) return decodeMetadataList(bytes);
    const body = JSON.parse(bytes.toString('utf8')) as MetadataList & { kind?: string };
    return body.kind === 'PartialObjectMetadataList' ? body : undefined;
  } catch {
    return undefined;
  }
}
