#!/usr/bin/env bash
# One command from a fresh clone to the console on the local cluster: installs npm packages, builds and starts the
# local control plane (first time: builds Kubernetes from the Go module proxy), builds the console, and serves it on
# http://127.0.0.1:${PORT:-3000} with the console's own server (server/https-server.mjs, the one the image runs; plain
# HTTP on loopback here), which also serves the exec WebSocket. Sign in with the token in .cluster/tokens/admin-user.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-3000}
bash scripts/ensure-deps.sh
cache="${WHEELHOUSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wheelhouse}/cluster-bin"
if ! compgen -G "$cache/k8s-*/kube-apiserver" >/dev/null || ! compgen -G "$cache/metrics-server-*/metrics-server" >/dev/null; then
  echo "demo: first run — building Kubernetes, etcd, kwok and metrics-server from the Go module proxy into $cache."
  echo "demo: this takes about 6 minutes on two quiet cores (much longer on a busy machine); later runs reuse it."
fi
npx tsx cluster/cli.ts up

secret_file=.cluster/console-session-secret
[ -s "$secret_file" ] || (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n' >"$secret_file")

# Rebuild only when a source file is newer than the last build.
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib public next.config.js package-lock.json -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  echo "demo: building the console (next build, 2–3 minutes on two cores)…"
  npx next build
fi

cat <<MSG

  Wheelhouse is starting on http://127.0.0.1:${PORT}
  Sign in with a token from .cluster/tokens/:
    admin-user      cluster-admin        (cat .cluster/tokens/admin-user)
    viewer          read-only everywhere
    team-a-editor   edit in team-a only
  Stop the console with Ctrl-C; stop the cluster with: npm run cluster:down

MSG
export NEXTAUTH_URL="http://127.0.0.1:${PORT}" NEXTAUTH_SECRET="$(cat "$secret_file")" WHEELHOUSE_LOCAL_CLUSTER=1
export WHEELHOUSE_HTTP=1 WHEELHOUSE_LISTEN_HOST=127.0.0.1 PORT
exec node server/https-server.mjs
