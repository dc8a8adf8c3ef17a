import 'server-only';
import { ApiError, fromTransport, type ApiErrorBody } from '@/lib/k8s/errors';
import { conflictsOf } from './conflicts';
import { diffObjects } from './diff';
import { normalizeApplyError } from './server-errors';
import { docLabel, errorResult, prepareDocuments, type Prepared } from './prepare';
import { waitEstablished } from './crd-wait';
import { canDelete, deleteObject, getLive, serverSideApply } from './ssa';
import type { ApplyRequest, ApplyResponse, DocResult } from './types';
import { errorLine, outcomeLine } from './words';

// Preview, apply and delete of a YAML stream. Every document is processed on its own: one failing never hides the
// others. Apply dry-runs everything first and writes nothing when a document fails, unless the user confirmed
// applying only the valid ones (onlyValid); conflicts are only forced on request.

const CONCURRENCY = 8;

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function errorBody(e: unknown): ApiErrorBody {
  return normalizeApplyError(e instanceof ApiError ? e.body : fromTransport(e));
}

function head(d: Prepared) {
  return { index: d.index, startLine: d.startLine, apiVersion: d.apiVersion, kind: d.kind, name: d.name, resource: d.resource, namespace: d.namespace };
}

function serverError(d: Prepared, e: unknown): DocResult {
  const error = errorBody(e);
  const conflicts = conflictsOf(error);
  return { ...errorResult(head(d), error, true), ...(conflicts.length ? { conflicts } : {}) };
}

const MISSING_NAMESPACE = /^namespaces "([^"]+)" not found$/;

/** A dry-run cannot see a namespace that an earlier document of the same stream creates. */
function createdEarlier(d: Prepared, e: unknown, all: Prepared[]): string | undefined {
  const ns = MISSING_NAMESPACE.exec(errorBody(e).message)?.[1];
  const maker = ns && all.find((o) => o.index < d.index && o.kind === 'Namespace' && o.target.resource.group === '' && o.name === ns);
  return maker ? `namespace "${ns}" is created by document ${maker.index + 1}: the server can check this document only once it exists` : undefined;
}

/** What forcing would change, so that a conflict can be judged before it is forced. */
async function forcedDiff(token: string, d: Prepared, live: Record<string, unknown>): Promise<{ diff?: string }> {
  try {
    const forced = await serverSideApply(token, d.target, d.object, { dryRun: true, force: true });
    const { diff } = diffObjects(live, forced.object);
    return diff ? { diff } : {};
  } catch {
    return {};
  }
}

async function previewOne(token: string, d: Prepared, all: Prepared[], force: boolean, checkDelete: boolean): Promise<DocResult> {
  if (d.awaitsCrd) {
    const note = `kind ${d.kind} is defined by CustomResourceDefinition ${d.awaitsCrd.name} (document ${d.awaitsCrd.index + 1}): the server can check this document only once it exists`;
    return { ...head(d), ...(checkDelete ? { deletable: false } : {}), outcome: 'create', line: outcomeLine(d.resource, d.name, 'create'), note };
  }
  const [dry, live, deletable] = await Promise.allSettled([
    serverSideApply(token, d.target, d.object, { dryRun: true, force }),
    getLive(token, d.target),
    checkDelete ? canDelete(token, d.target) : Promise.resolve(undefined),
  ]);
  // A review that could not be made counts as "not allowed": the control says so rather than promising a delete.
  const extra = checkDelete ? { deletable: deletable.status === 'fulfilled' && deletable.value === true } : {};
  if (dry.status === 'rejected') {
    const note = createdEarlier(d, dry.reason, all);
    if (note) return { ...head(d), ...extra, outcome: 'create', line: outcomeLine(d.resource, d.name, 'create'), note };
    const failed = { ...serverError(d, dry.reason), ...extra };
    return failed.conflicts && live.status === 'fulfilled' && live.value ? { ...failed, ...(await forcedDiff(token, d, live.value)) } : failed;
  }
  if (live.status === 'rejected') return { ...serverError(d, live.reason), ...extra };
  const warnings = dry.value.warnings.length ? { warnings: dry.value.warnings } : {};
  if (!live.value) return { ...head(d), ...extra, ...warnings, outcome: 'create', line: outcomeLine(d.resource, d.name, 'create') };
  const { changed, diff } = diffObjects(live.value, dry.value.object);
  const outcome = changed ? 'change' : 'unchanged';
  return { ...head(d), ...extra, ...warnings, outcome, line: outcomeLine(d.resource, d.name, outcome), ...(diff ? { diff } : {}) };
}

async function applyOne(token: string, d: Prepared, force: boolean): Promise<DocResult> {
  try {
    const live = await getLive(token, d.target);
    const written = await serverSideApply(token, d.target, d.object, { dryRun: false, force });
    const outcome = !live ? 'created' : diffObjects(live, written.object).changed ? 'configured' : 'unchanged';
    const warnings = written.warnings.length ? { warnings: written.warnings } : {};
    return { ...head(d), ...warnings, outcome, line: outcomeLine(d.resource, d.name, outcome) };
  } catch (e) {
    return serverError(d, e);
  }
}

async function deleteOne(token: string, d: Prepared): Promise<DocResult> {
  try {
    const { warnings } = await deleteObject(token, d.target);
    return { ...head(d), ...(warnings.length ? { warnings } : {}), outcome: 'deleted', line: outcomeLine(d.resource, d.name, 'deleted') };
  } catch (e) {
    const error = errorBody(e);
    if (error.status !== 404) return serverError(d, e);
    return { ...head(d), outcome: 'notfound', line: errorLine(error, true), error };
  }
}

/** Refuses a write when documents have errors the user has not agreed to skip, or when nothing is left to write. */
function gate(failed: DocResult[], total: number, onlyValid: boolean, verb: 'apply' | 'delete'): void {
  if (!failed.length || (onlyValid && failed.length < total)) return;
  const statuses = new Set(failed.map((r) => `${r.error?.status} ${r.error?.reason}`));
  const shared = statuses.size === 1 ? failed[0].error : undefined;
  const every = failed.length === total;
  const what = every ? 'every document has errors' : `${failed.length} of ${total} documents have errors`;
  const next = every ? '' : `; preview them, then confirm to ${verb} only the valid ones`;
  throw new ApiError({
    status: shared?.status ?? 422,
    reason: shared?.reason ?? 'DocumentsHaveErrors',
    message: `nothing was ${verb === 'apply' ? 'applied' : 'deleted'}: ${what}${next}`,
    causes: failed.map((r) => ({ field: docLabel(r), reason: r.error?.reason, message: r.error?.message ?? r.line })),
  });
}

function collectWarnings(results: DocResult[]): string[] {
  return [...new Set(results.flatMap((r) => (r.warnings ?? []).map((w) => `${docLabel(r)}: ${w}`)))];
}

/**
 * Applies the CRDs the stream's own objects need, waits until they are Established, then dry-runs those objects.
 * Returns the documents already written. A failed dry-run stops the apply (unless only valid ones were asked for).
 */
async function writeCrdsFirst(token: string, docs: Prepared[], results: Map<number, DocResult>, force: boolean, onlyValid: boolean): Promise<Set<number>> {
  const waiting = docs.filter((d) => d.awaitsCrd);
  const needed = new Set(waiting.map((d) => d.awaitsCrd!.index));
  const written = new Set<number>();
  for (const d of docs.filter((c) => needed.has(c.index))) {
    results.set(d.index, await applyOne(token, d, force));
    written.add(d.index);
  }
  for (const d of waiting) {
    const crd = results.get(d.awaitsCrd!.index);
    try {
      if (crd?.outcome === 'error') throw new ApiError({ status: 424, reason: 'FailedDependency', message: `its CustomResourceDefinition ${d.awaitsCrd!.name} failed` });
      await waitEstablished(token, d.awaitsCrd!.name);
      results.set(d.index, await previewOne(token, { ...d, awaitsCrd: undefined }, docs, force, false));
    } catch (e) {
      results.set(d.index, serverError(d, e));
    }
  }
  const failed = waiting.map((d) => results.get(d.index)!).filter((r) => r.outcome === 'error');
  if (failed.length && !onlyValid) {
    throw new ApiError({
      status: failed[0].error?.status ?? 422, reason: failed[0].error?.reason ?? 'DocumentsHaveErrors',
      message: `the CustomResourceDefinitions were applied, but ${failed.length} document(s) of their kinds have errors; nothing else was applied`,
      causes: failed.map((r) => ({ field: docLabel(r), reason: r.error?.reason, message: r.error?.message ?? r.line })),
    });
  }
  return written;
}

export async function runApply(token: string, req: ApplyRequest): Promise<ApplyResponse> {
  const prepared = await prepareDocuments(token, req.yaml, req.namespace);
  const valid = prepared.flatMap((p) => (p.ok ? [p.doc] : []));
  const force = req.force === true;
  const results = new Map<number, DocResult>(prepared.flatMap((p) => (p.ok ? [] : [[p.result.index, p.result] as const])));
  const ordered = () => [...results.values()].sort((a, b) => a.index - b.index);
  if (req.mode !== 'delete') {
    const previews = await mapLimit(valid, CONCURRENCY, (d) => previewOne(token, d, valid, force, req.mode === 'preview'));
    for (const r of previews) results.set(r.index, r);
  }
  if (req.mode !== 'preview') {
    const verb = req.mode;
    gate(ordered().filter((r) => r.outcome === 'error'), prepared.length, req.onlyValid === true, verb);
    // Writes go one by one, in the stream's order: a Namespace is created before what lives in it. CRDs that other
    // documents need go first; those documents are dry-run once their CRDs are Established.
    const writable = valid.filter((d) => results.get(d.index)?.outcome !== 'error');
    const first = verb === 'apply' ? await writeCrdsFirst(token, writable, results, force, req.onlyValid === true) : new Set<number>();
    for (const d of writable) {
      if (first.has(d.index) || results.get(d.index)?.outcome === 'error') continue;
      results.set(d.index, verb === 'delete' ? await deleteOne(token, d) : await applyOne(token, d, force));
    }
    const counted = ordered().filter((r) => r.outcome !== 'notfound');
    gate(counted.filter((r) => r.outcome === 'error'), counted.length, true, verb);
  }
  const documents = ordered();
  return { mode: req.mode, documents, warnings: collectWarnings(documents) };
}
