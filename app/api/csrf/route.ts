import { json, withSession } from '@/lib/api/respond';
import { csrfToken } from '@/lib/security/csrf';

export const dynamic = 'force-dynamic';

// GET /api/csrf → { token }: the X-CSRF-Token value for this session's state-changing requests (lib/client/fetch-json
// sends it). The console layout also embeds it; this is for a page that outlived a new sign-in.
export const GET = withSession<Record<string, never>>(async (_req, { session }) => json({ token: csrfToken(session.sid) }));
