// Runs once when Next's server starts (also under the console's own server, server/https-server.mjs, which calls
// `app.prepare()`): puts the exec upgrade handler where that server looks for it. Next route handlers cannot take
// a WebSocket upgrade, so this is the bridge from the server's 'upgrade' event into lib/exec (TypeScript, bundled by
// Next with the rest of the app). Node runtime only: the edge runtime (proxy.ts) has no sockets.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installExecUpgrade } = await import('./lib/exec/upgrade');
  installExecUpgrade();
}
