import { errorResponse, json, withSession } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/k8s/actions/request';
import { LiveConnection } from '@/lib/k8s/watch/mux-connection';
import { connectionRefusal, liveStats } from '@/lib/k8s/watch/mux-registry';
import { applyLiveRequest, parseLiveRequest } from '@/lib/k8s/watch/mux-request';

export const dynamic = 'force-dynamic';

// The browser's one live connection (protocol: lib/k8s/watch/mux-wire.ts). All live lists and followed logs of all
// tabs of a browser share it; the tabs elect one leader that holds it (components/resources/live-leader.ts).
//   GET  /api/live            → the framed stream; its first frame names the connection
//   GET  /api/live?stats=1    → { connections, subscriptions, session: {…} } (tests and the bench)
//   POST /api/live  { conn, subscribe?: [{ id, spec }], unsubscribe?: [id], dropTab? }  (Origin + CSRF checked)
// Every request checks the session itself, and a connection answers only to the session that opened it.
export const GET = withSession(async (req, { session }) => {
  if (req.nextUrl.searchParams.get('stats') === '1') return json(liveStats(session.sid));
  const refusal = connectionRefusal(session.sid);
  if (refusal) return errorResponse(refusal);
  return new LiveConnection(session.sid, session.expiresAt, req.signal).response;
});

export const POST = withSession(async (req, { session }) => {
  const request = parseLiveRequest(await readJsonBody(req));
  return json(applyLiveRequest(request, session));
});
