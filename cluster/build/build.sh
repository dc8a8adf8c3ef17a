#!/usr/bin/env bash
# Builds the local control plane's binaries from the Go module proxy into a cache outside the repo, keyed by the
# component versions and the Go version, so a second run builds nothing. Prints the binary folder on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../versions.env
source "$here/../versions.env"

command -v go >/dev/null || { echo "build: Go >= 1.26 is required for the first build (go not found)" >&2; exit 1; }
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-trimpath -buildvcs=false -mod=readonly"
gover=$(go env GOVERSION)
case "$gover" in go1.2[6-9]*|go1.[3-9]*) ;; *) echo "build: Go >= 1.26 is required, found $gover" >&2; exit 1 ;; esac

cache_root=${WHEELHOUSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wheelhouse}
bin="$cache_root/cluster-bin/k8s-${KUBERNETES_VERSION}_etcd-${ETCD_VERSION}_kwok-${KWOK_VERSION}_${gover}"
mkdir -p "$bin"
log() { echo "build: $*" >&2; }

need() { for b in "$@"; do [ -x "$bin/$b" ] || return 0; done; return 1; }

if need kube-apiserver kube-controller-manager kube-scheduler kubectl; then
  v=$KUBERNETES_VERSION; minor=${v#v1.}; minor=${minor%%.*}
  date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  ld="-s -w"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld+=" -X $p.gitVersion=$v -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean -X $p.buildDate=$date"
  done
  log "kubernetes $v (kube-apiserver, kube-controller-manager, kube-scheduler, kubectl) ..."
  (cd "$here/kubernetes" && go build -ldflags "$ld" -o "$bin/" \
     k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
     k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl)
fi
if need etcd; then
  log "etcd $ETCD_VERSION ..."
  (cd "$here/etcd" && go build -ldflags "-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=$ETCD_VERSION" \
     -o "$bin/etcd" go.etcd.io/etcd/server/v3)
fi
if need kwok; then
  log "kwok $KWOK_VERSION ..."
  (cd "$here/kwok" && go build -ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_VERSION" \
     -o "$bin/kwok" sigs.k8s.io/kwok/cmd/kwok)
fi
# metrics-server is cached in a folder of its own, keyed by its version: adding or bumping it never invalidates the
# control plane's cache above. Its path goes to stdout as a `metrics-server=<path>` line before the folder.
ms_bin="$cache_root/cluster-bin/metrics-server-${METRICS_SERVER_VERSION}_${gover}"
mkdir -p "$ms_bin"
if [ ! -x "$ms_bin/metrics-server" ]; then
  log "metrics-server $METRICS_SERVER_VERSION ..."
  (cd "$here/metrics-server" && go build -ldflags "-s -w -X k8s.io/client-go/pkg/version.gitVersion=$METRICS_SERVER_VERSION" \
     -o "$ms_bin/metrics-server" sigs.k8s.io/metrics-server/cmd/metrics-server)
fi
echo "metrics-server=$ms_bin/metrics-server"
echo "$bin"
