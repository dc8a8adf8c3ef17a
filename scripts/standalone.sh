#!/usr/bin/env bash
# Runs the exact bundle the image ships, without a container engine: assembles .next/standalone, .next/static,
# public and server/ into a clean folder by replaying the Dockerfile's `COPY --from=build` lines, then starts
# `node server/https-server.mjs` there like the image's CMD — as an unprivileged user (when run as root) that cannot
# write to the folder (the image's USER and read-only root filesystem), with only the variables the Deployment sets.
#
#   scripts/standalone.sh [--dir DIR] [--port PORT] [--no-start] [--http]     (run `npx next build` first)
#
# Passed through from the caller's environment: NEXTAUTH_SECRET, NEXTAUTH_URL, KUBERNETES_SERVICE_HOST/PORT and
# WHEELHOUSE_* (e.g. WHEELHOUSE_INCLUSTER_CA_FILE=.cluster/ca.crt, WHEELHOUSE_TLS_CERT/KEY); PORT defaults to 8443,
# WHEELHOUSE_LISTEN_HOST to 127.0.0.1. The files those variables name are copied next to the bundle (DIR-mounts/),
# readable by the unprivileged user, as the Deployment mounts the CA and the TLS Secret.
# --http starts Next's own plain-HTTP server.js instead (a console behind a TLS-terminating proxy).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="" port="${PORT:-8443}" start=1 entry=server/https-server.mjs
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --no-start) start=0; shift ;;
    --http) entry=server.js; shift ;;
    *) echo "usage: $0 [--dir DIR] [--port PORT] [--no-start] [--http]" >&2; exit 2 ;;
  esac
done
[ -f "$repo/.next/standalone/server.js" ] || { echo "no standalone build: run 'npx next build' first" >&2; exit 1; }
# One folder per port, replaced on every start: repeated runs do not pile up copies.
[ -n "$dir" ] || dir="${TMPDIR:-/tmp}/wheelhouse-standalone-$port"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
rm -rf "$dir" "$dir-mounts" && mkdir -p "$dir" "$dir-mounts" && chmod 755 "$dir" "$dir-mounts"

# The Dockerfile's runtime stage, line by line: COPY --from=build /src/<from> <to> (relative to WORKDIR /app).
copies=0
while read -r _ _ from to; do
  src="$repo/${from#/src/}"
  dest="$dir/${to#./}"
  [ -e "$src" ] || { [ "${from#/src/}" = public ] && mkdir -p "$src"; } # the Dockerfile's `mkdir -p public`
  mkdir -p "$dest"
  cp -a "$src/." "$dest/"
  copies=$((copies + 1))
done < <(grep -E '^COPY --from=build ' "$repo/Dockerfile")
[ "$copies" -ge 4 ] || { echo "expected the Dockerfile's COPY --from=build lines, found $copies" >&2; exit 1; }
for leaked in .cluster .env .env.local; do
  [ ! -e "$dir/$leaked" ] || { echo "the bundle carries $leaked: it must not" >&2; exit 1; }
done
echo "assembled $(du -sh "$dir" | cut -f1) in $dir"
[ "$start" = 1 ] || exit 0

root=0; [ "$(id -u)" = 0 ] && root=1
run_as=()
if [ "$root" = 1 ]; then
  chown -R root:root "$dir" && chmod -R go-w "$dir"
  run_as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
listen="${WHEELHOUSE_LISTEN_HOST:-127.0.0.1}"
vars=(PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 "PORT=$port"
  "WHEELHOUSE_LISTEN_HOST=$listen" "HOSTNAME=$listen")
while IFS='=' read -r name _; do
  case "$name" in
    WHEELHOUSE_INCLUSTER_CA_FILE|WHEELHOUSE_CA_FILE|WHEELHOUSE_TLS_CERT|WHEELHOUSE_TLS_KEY) ;;
    NEXTAUTH_SECRET|NEXTAUTH_URL|KUBERNETES_SERVICE_HOST|KUBERNETES_SERVICE_PORT|WHEELHOUSE_*) vars+=("$name=${!name}") ;;
  esac
done < <(env)
# The "volume mounts": files named by the environment (relative to the repository), copied out of the repository.
for v in WHEELHOUSE_INCLUSTER_CA_FILE WHEELHOUSE_CA_FILE WHEELHOUSE_TLS_CERT WHEELHOUSE_TLS_KEY; do
  val="${!v:-}"
  [ -n "$val" ] || continue
  case "$val" in /*) src="$val" ;; *) src="$repo/$val" ;; esac
  [ -r "$src" ] || { echo "$v: cannot read $src" >&2; exit 1; }
  mounted="$dir-mounts/$v"
  cp "$src" "$mounted" && chmod 444 "$mounted"
  if [ "$root" = 1 ] && [ "$v" = WHEELHOUSE_TLS_KEY ]; then chown 65534:65534 "$mounted" && chmod 400 "$mounted"; fi
  vars+=("$v=$mounted")
done
cd "$dir"
exec "${run_as[@]}" env -i "${vars[@]}" node "$entry"
