import { probeApiServer } from '@/lib/k8s/probe';

export const dynamic = 'force-dynamic';

// Readiness: the API server answers an anonymous GET /readyz over verified TLS (a 401/403 answer counts too: it is
// the API server answering). Outside withSession on purpose: probes carry no session, and nothing but
// { ready, reason } is revealed.
export async function GET() {
  const p = await probeApiServer();
  return Response.json(
    { ready: p.ready, reason: p.reason },
    { status: p.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
