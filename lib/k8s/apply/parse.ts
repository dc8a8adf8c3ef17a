import type { Document, LineCounter, Tags, YAMLError } from 'yaml';
import { ApiError, badRequest, type ApiErrorBody } from '@/lib/k8s/errors';
import { checkNamespace, clip } from '@/lib/k8s/validate';
import { APPLY_LIMITS } from './types';
import { composeDocuments, duplicateKey, prescanLimits } from './yaml-scan';

// Pure: the submitted text → one entry per Kubernetes object, each either an object ready to send or its own error.
// Limits (size, document count, keys, depth, alias expansion) reject the whole request before anything is sent;
// the documents are counted and measured before they are built (yaml-scan.ts), and every step is linear.
// YAML 1.1 like kubectl (0644 is octal, yes/no are booleans), except that timestamps and 1:20 stay strings, as they
// do in kubectl's decoder.

export type KubeObject = Record<string, unknown> & { metadata: Record<string, unknown> };

interface DocHead { index: number; startLine: number; apiVersion?: string; kind?: string; name?: string; namespace?: string }
export type ParsedDoc = DocHead & ({ ok: true; apiVersion: string; kind: string; name: string; object: KubeObject } | { ok: false; error: ApiErrorBody });

/** Largest JSON a single document may expand to (the API server's own request limit is 3 MiB). */
const MAX_EXPANDED_BYTES = 3 * 1024 * 1024;
const MAX_TOTAL_EXPANDED_BYTES = 8 * 1024 * 1024;
const API_VERSION = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?v[0-9]+[a-z0-9]*$/;
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;
const KUBECTL_STRINGS = /:(timestamp|omap|pairs|set|binary)$/;

/** Drops the YAML 1.1 tags kubectl's decoder does not apply (timestamps, sexagesimal numbers, sets, binary). */
function kubectlTags(tags: Tags): Tags {
  return tags.filter((t) => typeof t === 'string' || (!KUBECTL_STRINGS.test(t.tag) && t.format !== 'TIME'));
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function tooLarge(message: string): ApiError {
  return new ApiError({ status: 413, reason: 'RequestEntityTooLarge', message });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function syntaxError(errors: YAMLError[], lines: LineCounter): ApiErrorBody {
  const [first, ...rest] = errors.map((e) => {
    const at = lines.linePos(e.pos[0]);
    const summary = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { at: `line ${at.line}, column ${at.col}`, summary };
  });
  const causes = rest.map((e) => ({ field: e.at, reason: 'YAMLSyntax', message: e.summary }));
  return badRequest(`YAML syntax error at ${first.at}: ${first.summary}`, causes);
}

/** A name that can be one URL path segment (the API server's own rule for every kind). */
export function checkObjectName(name: string): string | undefined {
  if (name.length > 253) return 'metadata.name must be no more than 253 characters';
  if (name === '.' || name === '..' || /[/%]/.test(name)) return `invalid metadata.name "${clip(name)}": may not be "." or ".." or contain "/" or "%"`;
  return undefined;
}

/** The document's own checks: apiVersion, kind and metadata.name present and well-formed. */
export function checkObject(value: unknown): { object: KubeObject } | { error: string } {
  if (!isRecord(value)) return { error: 'the document is not an object (a YAML mapping)' };
  const { apiVersion, kind, metadata } = value;
  if (typeof apiVersion !== 'string' || !apiVersion) return { error: 'missing apiVersion (e.g. "apps/v1")' };
  if (!API_VERSION.test(apiVersion)) return { error: `invalid apiVersion "${clip(apiVersion)}": expected "v1" or "group/version"` };
  if (typeof kind !== 'string' || !kind) return { error: 'missing kind (e.g. "Deployment")' };
  if (!KIND.test(kind)) return { error: `invalid kind "${clip(kind)}"` };
  if (!isRecord(metadata) || typeof metadata.name !== 'string' || !metadata.name) {
    const generated = isRecord(metadata) && metadata.generateName ? ' (generateName is not supported by apply: give a name)' : '';
    return { error: `missing metadata.name${generated}` };
  }
  const nameError = checkObjectName(metadata.name);
  if (nameError) return { error: nameError };
  const ns = metadata.namespace;
  if (ns !== undefined && ns !== null && ns !== '') {
    if (typeof ns !== 'string') return { error: 'metadata.namespace must be a string' };
    const v = checkNamespace(ns);
    if (!v.ok) return { error: `metadata.${v.error}` };
  }
  return { object: value as KubeObject };
}

function head(value: unknown, index: number, startLine: number): DocHead {
  const o = isRecord(value) ? value : {};
  const m = isRecord(o.metadata) ? o.metadata : {};
  const s = (v: unknown) => (typeof v === 'string' && v ? clip(v, 253) : undefined);
  return { index, startLine, apiVersion: s(o.apiVersion), kind: s(o.kind), name: s(m.name), namespace: s(m.namespace) };
}

function toValue(doc: Document, index: number): unknown {
  try {
    return doc.toJS({ maxAliasCount: APPLY_LIMITS.maxAliasCount });
  } catch (e) {
    if (e instanceof ReferenceError) {
      throw new ApiError(badRequest(`document ${index + 1} expands too many YAML aliases (more than ${APPLY_LIMITS.maxAliasCount}): this looks like a "billion laughs" document; nothing was sent`));
    }
    throw e;
  }
}

/** What can be read of a document with syntax errors, only to name it (kind, name) in the error. */
function partialValue(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: APPLY_LIMITS.maxAliasCount });
  } catch {
    return undefined;
  }
}

function isList(v: unknown): v is { kind: string; items: unknown[] } {
  return isRecord(v) && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items);
}

/** The checks that cost milliseconds (size; documents, entries and depth from one pass over the text). Throws 413/422. */
export function precheckManifests(text: string): void {
  const bytes = byteLength(text);
  if (bytes > APPLY_LIMITS.maxBytes) throw tooLarge(`the YAML is ${bytes} bytes; at most ${APPLY_LIMITS.maxBytes} (1 MiB) may be applied at once; nothing was sent`);
  prescanLimits(text);
}

/** Parses a multi-document YAML (or JSON) stream. Throws ApiError (413/422/400) when a limit is exceeded. */
export function parseManifests(text: string): ParsedDoc[] {
  precheckManifests(text);
  return parsePrechecked(text);
}

/** parseManifests for text that precheckManifests has already passed (parse-bounded.ts checks before its worker). */
export function parsePrechecked(text: string): ParsedDoc[] {
  const { docs: list, lineCounter } = composeDocuments(text, { version: '1.1', customTags: kubectlTags });
  const out: ParsedDoc[] = [];
  let expanded = 0;
  for (const doc of list) {
    const startLine = lineCounter.linePos(doc.contents?.range[0] ?? doc.range[0]).line;
    if (doc.errors.length) {
      out.push({ ...head(partialValue(doc), out.length, startLine), ok: false, error: syntaxError(doc.errors, lineCounter) });
      continue;
    }
    const dup = duplicateKey(doc);
    if (dup) {
      const at = lineCounter.linePos(dup.offset);
      const error = badRequest(`YAML syntax error at line ${at.line}, column ${at.col}: Map keys must be unique ("${clip(dup.key, 64)}" appears twice)`);
      out.push({ ...head(partialValue(doc), out.length, startLine), ok: false, error });
      continue;
    }
    const value = toValue(doc, out.length);
    if (value === null || value === undefined) continue; // an empty document (`---`, comments only): kubectl skips it
    const size = byteLength(JSON.stringify(value) ?? '');
    expanded += size;
    if (size > MAX_EXPANDED_BYTES || expanded > MAX_TOTAL_EXPANDED_BYTES) {
      throw tooLarge(`document ${out.length + 1} expands to more than ${MAX_EXPANDED_BYTES / 1024 / 1024} MiB; nothing was sent`);
    }
    for (const item of isList(value) ? value.items : [value]) {
      const h = head(item, out.length, startLine);
      const checked = checkObject(item);
      if ('error' in checked) out.push({ ...h, ok: false, error: badRequest(checked.error) });
      else out.push({ ...h, ok: true, apiVersion: h.apiVersion!, kind: h.kind!, name: h.name!, object: checked.object });
    }
    if (out.length > APPLY_LIMITS.maxDocuments) throw tooLarge(`more than ${APPLY_LIMITS.maxDocuments} objects; at most ${APPLY_LIMITS.maxDocuments} may be applied at once; nothing was sent`);
  }
  return out;
}
