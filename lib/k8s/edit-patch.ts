import { stringify } from 'yaml';
import { ApiError, badRequest } from '@/lib/k8s/errors';
import { stripNoise } from './apply/diff';
import type { KubeObject, ParsedDoc } from './apply/parse';

// Pure: edit in place. The editor shows the object without what the server owns (status, managedFields, uid,
// resourceVersion, …); saving sends a JSON merge patch (RFC 7386) of only what the user changed between the text as
// shown and the text as edited, carrying the resourceVersion the editor started from, so the API server refuses it
// (409) if anyone wrote the object meanwhile, and the console becomes the manager of the changed fields only.

const MAX_DEPTH = 64;

/** The object as the editor shows it, in YAML 1.1 quoting so that "yes" or "0644" strings read back as strings. */
export function editableYaml(obj: unknown): string {
  return stringify(stripNoise(obj), { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** RFC 7386 merge patch turning `from` into `to`; undefined when they are equal. Arrays are replaced whole. */
export function mergePatch(from: unknown, to: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new ApiError(badRequest(`the object is nested more than ${MAX_DEPTH} levels deep`));
  if (!isRecord(from) || !isRecord(to)) return same(from, to) ? undefined : to;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(from)) if (!(key in to)) out[key] = null;
  for (const [key, value] of Object.entries(to)) {
    if (!(key in from)) out[key] = value;
    else {
      const p = mergePatch(from[key], value, depth + 1);
      if (p !== undefined) out[key] = p;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/** RFC 7386 apply: `patch` merged into `target` (null removes a key). */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}

/** The user's edit (original → edited) replayed on the object as it is now, for the editor after a conflict. */
export function rebaseEdit(original: KubeObject, edited: KubeObject, latest: unknown): string {
  const patch = mergePatch(original, edited);
  return editableYaml(patch === undefined ? latest : applyMergePatch(stripNoise(latest), patch));
}

/**
 * The one object of the editor's text, parsed (by the caller) with the same bounded parse as apply
 * (parse-bounded.ts: pre-scan, then a worker for large text); several documents or a syntax error is a 400.
 */
export function oneObject(docs: ParsedDoc[], what: string): KubeObject {
  if (docs.length !== 1) throw new ApiError(badRequest(`the ${what} YAML must hold exactly one object (it holds ${docs.length})`));
  const [d] = docs;
  if (!d.ok) throw new ApiError({ ...d.error, message: `${what}: ${d.error.message}` });
  return d.object;
}

export interface Identity { apiVersion: string; kind: string; name: string; namespace?: string }

/** The patch of the user's edit, refusing edits that would address another object. */
export function editPatch(original: KubeObject, edited: KubeObject, id: Identity, resourceVersion: string): Record<string, unknown> | undefined {
  for (const [field, want, got] of [
    ['apiVersion', id.apiVersion, edited.apiVersion], ['kind', id.kind, edited.kind], ['metadata.name', id.name, edited.metadata.name],
    ['metadata.namespace', id.namespace, edited.metadata.namespace ?? id.namespace],
  ] as const) {
    if (want !== got) {
      throw new ApiError(badRequest(`${field} cannot be changed in place (it is "${want ?? ''}"): create a new object on the apply page instead`, [{ field, reason: 'FieldValueInvalid', message: 'cannot be changed in place' }]));
    }
  }
  const patch = mergePatch(original, edited) as Record<string, unknown> | undefined;
  if (!patch) return undefined;
  const metadata = isRecord(patch.metadata) ? patch.metadata : {};
  // The precondition: a merge patch that names a resourceVersion is refused with 409 unless it is still current.
  return { ...patch, metadata: { ...metadata, resourceVersion } };
}
