import 'server-only';
import { ApiError } from '@/lib/k8s/errors';
import { reviewSelf } from '@/lib/k8s/identity';

/**
 * Why the cluster no longer accepts a signed-in session's token (revoked, its ServiceAccount deleted, expired
 * early), or undefined when it does — or when the cluster cannot be asked (the console shows that itself).
 */
export async function sessionRejection(bearer: string): Promise<string | undefined> {
  try {
    await reviewSelf(bearer);
    return undefined;
  } catch (e) {
    if (e instanceof ApiError && e.body.status === 401) {
      return 'The cluster no longer accepts your token (401: revoked, expired, or its ServiceAccount was deleted). Sign in again with a valid token.';
    }
    return undefined;
  }
}
