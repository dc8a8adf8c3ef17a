import 'server-only';
import { createHash } from 'node:crypto';

// The key of one user's entries in the console's in-memory bookkeeping (fair queues, held pages, discovery
// documents): a hash of their token, so the token itself is never a map key, a log field or a heap-dump string.
export const userKey = (token: string) => createHash('sha256').update(token).digest('base64url');
