# syntax=docker/dockerfile:1
# Wheelhouse: Next.js's standalone server behind the console's own HTTPS entry (server/https-server.mjs).
# Build: docker build -t wheelhouse:dev .          Run: see docs/deploy.md (the image expects a read-only root
# filesystem, a writable /tmp and NEXTAUTH_SECRET; it listens on 8443, HTTPS only).
# scripts/standalone.sh replays the `COPY --from=build` lines below to run the same bundle without a container engine.

# The Node.js LTS line (https://nodejs.org/en/about/previous-releases); Debian slim keeps the image small.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /src/node_modules ./node_modules
COPY . .
RUN mkdir -p public && npx next build

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=8443 \
    WHEELHOUSE_LISTEN_HOST=0.0.0.0
# The runtime needs node only: no package managers in the image.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /opt/yarn-* /usr/local/bin/yarn /usr/local/bin/yarnpkg
WORKDIR /app
# Owned by root and not writable by the runtime user: the app never writes next to its code.
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/.next/static ./.next/static
COPY --from=build /src/public ./public
COPY --from=build /src/server ./server
# The node image's unprivileged user, by number so runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 8443
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "server/healthcheck.mjs"]
CMD ["node", "server/https-server.mjs"]
