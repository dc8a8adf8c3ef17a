/** @type {import('next').NextConfig} */
module.exports = {
  // The image ships the standalone server (see Dockerfile); it carries only the files the server needs.
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // client-node uses node-only modules (https agents, ws); keep it out of the bundler.
  serverExternalPackages: ['@kubernetes/client-node'],
  devIndicators: false,
};
