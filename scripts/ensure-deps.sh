#!/usr/bin/env bash
# Installs what this machine lacks for the console: npm packages (npm install when node_modules is missing or older than
# the lock file) and, with --browser, Debian's Chromium for the e2e tests. Go for the control plane is checked by
# cluster/build/build.sh. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then echo "ensure-deps: Node.js >= 20.9 is required (found $(node --version 2>/dev/null || echo none))" >&2; exit 1; fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "ensure-deps: npm install (see .ci/run for why not npm ci)" >&2
  npm install --no-audit --no-fund >&2
fi

if [ "${1:-}" = "--browser" ] && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "ensure-deps: installing Debian's chromium" >&2
  if [ "$(id -u)" -ne 0 ]; then echo "ensure-deps: need root (or sudo) to apt-get install chromium" >&2; exit 1; fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi
