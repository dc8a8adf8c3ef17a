export const dynamic = 'force-dynamic';

// Liveness: the process answers. Deliberately outside withSession (probes carry no session) and free of any
// cluster call, so an unreachable API server never gets the console restarted.
export function GET() {
  return new Response('ok\n', { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
