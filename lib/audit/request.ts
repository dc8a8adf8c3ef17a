import 'server-only';
import { isApiErrorBody } from '@/lib/k8s/errors';

// Which requests the audit trail records, and the reason of an answer a handler built itself.

// POSTs that only ask questions (SelfSubjectAccessReviews for the buttons a user may press) change nothing.
// /api/live only subscribes to live lists and logs (it reads).
const READ_ONLY_POSTS = new Set(['/api/access', '/api/live']);

export function auditable(pathname: string): boolean {
  return !READ_ONLY_POSTS.has(pathname);
}

const SUCCESS: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'NoContent' };

export async function reasonOf(res: Response): Promise<string> {
  if (res.status < 400) return SUCCESS[res.status] ?? 'OK';
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) return `HTTP${res.status}`;
  try {
    const body = (await res.clone().json()) as { error?: unknown };
    return isApiErrorBody(body.error) ? body.error.reason : `HTTP${res.status}`;
  } catch {
    return `HTTP${res.status}`;
  }
}
