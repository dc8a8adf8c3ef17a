import 'server-only';
import { readSession } from '@/lib/auth/session';
import { parseLabelSelector } from '@/lib/k8s/label-selector';
import { resourceFor, type KindRef } from '@/lib/k8s/resources';
import { toRow } from '@/lib/k8s/rows';
import type { BaseRow } from '@/lib/k8s/rows/types';
import type { TableColumn } from '@/lib/k8s/table';
import { checkNamespace } from '@/lib/k8s/validate';
import { listPage } from './upstream';

// The first rows of a list page, rendered into its HTML so they show before any JavaScript runs; the live
// stream then takes over (and its first listing replaces these rows). Best effort: on any failure the page
// renders without them and the stream reports the error.

/**
 * `at`: the server's clock when it rendered them, so the browser's first render shows the same ages. `namespace`
 * and `labelSelector` (as in the URL): the scope they belong to, so a page never shows them for another.
 */
export interface InitialRows { rows: BaseRow[]; total?: number; at: number; namespace?: string; labelSelector?: string; columns?: TableColumn[] }

const FIRST_ROWS = 100;
const TIMEOUT_MS = 1_500;

export async function initialRows(kind: KindRef, search: { ns?: string | string[]; l?: string | string[] }): Promise<InitialRows | undefined> {
  const s = await readSession();
  if (s.state !== 'active') return undefined;
  const ns = typeof search.ns === 'string' && resourceFor(kind).namespaced ? search.ns : undefined;
  if (ns && !checkNamespace(ns).ok) return undefined;
  const selector = typeof search.l === 'string' && search.l.trim() ? parseLabelSelector(search.l) : undefined;
  if (selector && !selector.ok) return undefined;
  try {
    const scope = { namespace: ns, labelSelector: selector?.ok ? selector.normalized : undefined };
    const page = await listPage(s.session.bearer, kind, scope, FIRST_ROWS, undefined, undefined, TIMEOUT_MS);
    const total = page.continue ? (page.remaining !== undefined ? page.items.length + page.remaining : undefined) : page.items.length;
    const rows = page.items.map((o) => toRow(kind, o));
    return { rows, total, at: Date.now(), namespace: ns, labelSelector: typeof search.l === 'string' ? search.l : undefined, ...(page.columns ? { columns: page.columns } : {}) };
  } catch {
    return undefined;
  }
}
