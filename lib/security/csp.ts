// The Content-Security-Policy of every page, with the per-request nonce proxy.ts makes. Next.js reads the nonce
// from the request's CSP header and puts it on its own scripts; 'strict-dynamic' lets those load the chunks.
// No 'unsafe-eval' and no inline scripts without the nonce. Styles may be inline: React style attributes and the
// editor's injected <style> elements need it, and a nonce in style-src would switch 'unsafe-inline' off.

export function contentSecurityPolicy(nonce: string, opts: { tls: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.tls ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** 128 random bits, base64 (the nonce-source grammar). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
