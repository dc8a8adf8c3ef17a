import 'server-only';
import { kubeRequest } from '@/lib/k8s/client';
import { ApiError, badRequest, type ApiErrorBody } from '@/lib/k8s/errors';
import { apiPath, type ResourceKind } from '@/lib/k8s/resources';
import { diffObjects } from './apply/diff';
import { FIELD_MANAGER } from './apply/ssa';
import { parseManifestsBounded } from './apply/parse-bounded';
import type { KubeObject } from './apply/parse';
import { editableYaml, editPatch, oneObject, rebaseEdit } from './edit-patch';

// Edit in place: load the object as the editor shows it; preview (server dry-run) or save the user's changes as a
// conditional JSON merge patch. A 409 comes back with what changed meanwhile, so the user decides what to do.

export interface EditTarget { r: Pick<ResourceKind, 'kind' | 'group' | 'version' | 'plural' | 'namespaced'>; namespace?: string; name: string }
export interface Editable { yaml: string; resourceVersion: string }
export interface EditRequest { original: string; edited: string; resourceVersion: string; dryRun: boolean }
export type EditResult =
  | { outcome: 'unchanged' | 'saved' | 'preview'; diff?: string; warnings: string[]; resourceVersion?: string }
  | { outcome: 'conflict'; error: ApiErrorBody; meanwhile?: string; latest: Editable & { rebased: string } };

type Obj = Record<string, unknown> & { metadata?: { resourceVersion?: string } };

function path(t: EditTarget): string {
  return apiPath(t.r, { namespace: t.namespace, name: t.name });
}

async function getLive(token: string, t: EditTarget): Promise<Obj> {
  return (await kubeRequest<Obj>(token, { path: path(t) })).body;
}

export async function loadForEdit(token: string, t: EditTarget): Promise<Editable> {
  const live = await getLive(token, t);
  return { yaml: editableYaml(live), resourceVersion: live.metadata?.resourceVersion ?? '' };
}

/** A body parsed from the request: three strings and a flag, nothing else. */
export function parseEditRequest(body: unknown): EditRequest {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { original, edited, resourceVersion, dryRun } = b;
  if (typeof original !== 'string' || typeof edited !== 'string') throw new ApiError(badRequest('original and edited must be YAML strings'));
  if (typeof resourceVersion !== 'string' || !/^[\x21-\x7e]{1,64}$/.test(resourceVersion)) throw new ApiError(badRequest('resourceVersion must be the one the editor was opened with'));
  if (typeof dryRun !== 'boolean') throw new ApiError(badRequest('dryRun must be true or false'));
  return { original, edited, resourceVersion, dryRun };
}

/** Both texts through the bounded parse of apply: refused in milliseconds when far over a limit, never on the event loop. */
async function parseTexts(token: string, req: EditRequest): Promise<{ original: KubeObject; edited: KubeObject }> {
  const original = oneObject(await parseManifestsBounded(token, req.original), 'original');
  return { original, edited: oneObject(await parseManifestsBounded(token, req.edited), 'edited') };
}

async function conflict(token: string, t: EditTarget, req: EditRequest, texts: { original: KubeObject; edited: KubeObject }, error: ApiErrorBody): Promise<EditResult> {
  const live = await getLive(token, t);
  const { diff } = diffObjects(texts.original, live);
  const message = `${t.r.kind} ${t.name} was changed by someone else since you opened the editor; nothing was saved. Review what changed, then reload and edit again.`;
  return {
    outcome: 'conflict', error: { ...error, message }, ...(diff ? { meanwhile: diff } : {}),
    latest: { yaml: editableYaml(live), resourceVersion: live.metadata?.resourceVersion ?? '', rebased: rebaseEdit(texts.original, texts.edited, live) },
  };
}

export async function submitEdit(token: string, t: EditTarget, req: EditRequest): Promise<EditResult> {
  const id = { apiVersion: t.r.group ? `${t.r.group}/${t.r.version}` : t.r.version, kind: t.r.kind, name: t.name, namespace: t.namespace };
  const texts = await parseTexts(token, req);
  const patch = editPatch(texts.original, texts.edited, id, req.resourceVersion);
  if (!patch) return { outcome: 'unchanged', warnings: [] };
  try {
    const [live, res] = await Promise.all([
      req.dryRun ? getLive(token, t) : undefined,
      kubeRequest<Obj>(token, {
        method: 'PATCH', path: path(t), contentType: 'application/merge-patch+json', body: patch,
        query: { fieldManager: FIELD_MANAGER, fieldValidation: 'Strict', dryRun: req.dryRun ? 'All' : undefined },
      }),
    ]);
    const { diff } = diffObjects(live ?? texts.original, res.body);
    return { outcome: req.dryRun ? 'preview' : 'saved', ...(diff ? { diff } : {}), warnings: res.warnings, resourceVersion: res.body.metadata?.resourceVersion };
  } catch (e) {
    if (e instanceof ApiError && e.body.status === 409) return conflict(token, t, req, texts, e.body);
    throw e;
  }
}
