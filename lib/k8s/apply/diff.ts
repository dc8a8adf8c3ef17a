import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';

// Pure: what a change would do to a live object, as a readable unified diff of YAML with sorted keys. Fields the
// API server rewrites on every write (resourceVersion, managedFields, status, …) are noise, not change.
// Bounded: Myers' diff costs O(N·D) and runs on every preview and apply, so a ConfigMap with 100,000 changed lines
// would hold the event loop for minutes. Past a line ceiling, or an edit length / time budget, the answer is
// "too large to diff" with the line counts instead.

/** Lines of both sides together beyond which no diff is attempted. */
export const MAX_DIFF_LINES = 20_000;
/** Changed lines beyond which jsdiff gives up (it stops, it does not degrade). */
export const MAX_EDIT_LENGTH = 2_000;
const DIFF_TIMEOUT_MS = 500;

const NOISY_METADATA = ['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp', 'selfLink'];
const NOISY_ANNOTATIONS = ['deployment.kubernetes.io/revision', 'kubectl.kubernetes.io/last-applied-configuration'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A copy without the fields that change on every write; the input is not modified. */
export function stripNoise(obj: unknown): Record<string, unknown> {
  if (!isRecord(obj)) return {};
  const rest = { ...obj };
  delete rest.status;
  if (!isRecord(rest.metadata)) return rest;
  const metadata: Record<string, unknown> = { ...rest.metadata };
  for (const key of NOISY_METADATA) delete metadata[key];
  if (isRecord(metadata.annotations)) {
    const annotations = { ...metadata.annotations };
    for (const key of NOISY_ANNOTATIONS) delete annotations[key];
    if (Object.keys(annotations).length) metadata.annotations = annotations;
    else delete metadata.annotations;
  }
  return { ...rest, metadata };
}

export function toSortedYaml(obj: unknown): string {
  return stringify(obj, { sortMapEntries: true, lineWidth: 0, aliasDuplicateObjects: false });
}

export interface ObjectDiff { changed: boolean; diff?: string }

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Secret values never reach the screen: like `kubectl diff`, only whether each one changes is shown. */
function maskSecrets(before: Record<string, unknown>, after: Record<string, unknown>): void {
  if (before.kind !== 'Secret' && after.kind !== 'Secret') return;
  for (const field of ['data', 'stringData']) {
    const b = isRecord(before[field]) ? { ...(before[field] as Record<string, unknown>) } : undefined;
    const a = isRecord(after[field]) ? { ...(after[field] as Record<string, unknown>) } : undefined;
    for (const key of new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])) {
      const same = b?.[key] === a?.[key];
      if (b && key in b) b[key] = same ? '***' : '*** (before)';
      if (a && key in a) a[key] = same ? '***' : '*** (after)';
    }
    if (b) before[field] = b;
    if (a) after[field] = a;
  }
}

/** Compares a live object with the result of a (dry-run) apply; `changed` is false when they are equal but for noise. */
export function diffObjects(live: unknown, next: unknown, context = 3): ObjectDiff {
  const [liveObject, nextObject] = [stripNoise(live), stripNoise(next)];
  if (toSortedYaml(liveObject) === toSortedYaml(nextObject)) return { changed: false };
  maskSecrets(liveObject, nextObject);
  const before = toSortedYaml(liveObject);
  const after = toSortedYaml(nextObject);
  const lines = countLines(before) + countLines(after);
  const tooLarge = (what: string) => ({ changed: true, diff: `(too large to diff: ${what}; ${countLines(before)} lines live, ${countLines(after)} after apply)\n` });
  if (lines > MAX_DIFF_LINES) return tooLarge(`more than ${MAX_DIFF_LINES} lines`);
  const patch = createTwoFilesPatch('live', 'after apply', before, after, undefined, undefined, { context, maxEditLength: MAX_EDIT_LENGTH, timeout: DIFF_TIMEOUT_MS });
  if (patch === undefined) return tooLarge(`more than ${MAX_EDIT_LENGTH} lines changed`);
  // Drop the "=====" separator line: the UI shows one object per diff.
  return { changed: true, diff: patch.replace(/^=+\n/, '') };
}
