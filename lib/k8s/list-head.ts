// Pure: the list metadata (resourceVersion, continue, remainingItemCount) from the first bytes of a LIST answer.
// The API server writes a list as `{"kind":…,"apiVersion":…,"metadata":{…},"items":[…` (a Table: `…"metadata":{…},
// "columnDefinitions":…`), so the continue token is known long before the items have arrived and been decoded —
// early enough to ask for the next page while this one is still on the wire. ListMeta has only scalar fields, so
// its object has no nested braces. Anything else (another order, a brace in a string, a head cut short) yields
// undefined, and the caller waits for the whole answer instead.

export interface ListHead { resourceVersion?: string; continue?: string; remainingItemCount?: number }

const HEAD = /^\s*\{\s*(?:"(?:kind|apiVersion)"\s*:\s*"[^"\\]*"\s*,\s*){0,2}"metadata"\s*:\s*(\{[^{}]*\})/;

export function listHead(prefix: string): ListHead | undefined {
  const m = HEAD.exec(prefix);
  if (!m) return undefined;
  try {
    const meta = JSON.parse(m[1]) as unknown;
    return meta && typeof meta === 'object' && !Array.isArray(meta) ? (meta as ListHead) : undefined;
  } catch {
    return undefined;
  }
}
