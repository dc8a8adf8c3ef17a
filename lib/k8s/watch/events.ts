import { ApiError } from '@/lib/k8s/errors';
import type { TableColumn } from '@/lib/k8s/table';

// What the API server sends for a list and a watch (the parts a live list reads). No I/O here, so the list-watch
// logic can be tested against a fake API server.

export interface Scope { namespace?: string; labelSelector?: string; fieldSelector?: string }

export interface ObjectMeta { uid?: string; resourceVersion?: string; name?: string; namespace?: string }
export interface KubeObject { metadata?: ObjectMeta }
export interface WatchEvent { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'; object: KubeObject & Record<string, unknown> }

export interface Page { items: KubeObject[]; resourceVersion: string; continue?: string; remaining?: number; columns?: TableColumn[] }

/** 410 Gone: the resourceVersion (or continue token) is older than the API server keeps. Relist. */
export function isExpired(e: unknown): boolean {
  return e instanceof ApiError && (e.body.status === 410 || e.body.reason === 'Expired' || e.body.reason === 'Gone');
}
