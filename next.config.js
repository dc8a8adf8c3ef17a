/** @type {import('next').NextConfig} */

// Headers on every answer. Pages also get a nonce-based Content-Security-Policy from proxy.ts (per request, so it
// cannot live here); API answers get a deny-all one. HSTS is sent by server/https-server.mjs, which knows it is TLS.
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // same-origin, not no-referrer: browsers would then send `Origin: null` on same-origin POSTs, which the
  // Origin check refuses.
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), display-capture=(), browsing-topics=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

module.exports = {
  // The image ships the standalone server (see Dockerfile); it carries only the files the server needs.
  output: 'standalone',
  // lib/k8s/cluster-config.ts reads .cluster/cluster.json in development; the bundle must never carry it. Nor the
  // image optimizer's native binaries (19 MB): the console has no images to optimize.
  // instrumentation.ts (the exec upgrade handler) has its own trace, named here too.
  outputFileTracingExcludes: {
    '*': ['.cluster/**', 'node_modules/@img/**', 'node_modules/sharp/**'],
    '/instrumentation': ['.cluster/**'],
  },
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // client-node uses node-only modules (https agents, ws); keep it out of the bundler.
  serverExternalPackages: ['@kubernetes/client-node'],
  devIndicators: false,
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};
