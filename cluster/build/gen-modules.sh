#!/usr/bin/env bash
# Regenerates the wrapper go.mod/go.sum files from the pinned versions (run after bumping cluster/versions.env).
# Kubernetes replaces its staging modules by path, so the wrapper replaces each one with its published v0.X.Y tag;
# the list is read from Kubernetes' own go.mod, never typed by hand.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../versions.env
source "$here/../versions.env"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod

staging_tag="v0.${KUBERNETES_VERSION#v1.}"
k8s_mod=$(go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
mapfile -t staging < <(sed -n 's#^\s*\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\1#p' "$k8s_mod")
echo "kubernetes $KUBERNETES_VERSION: ${#staging[@]} staging modules -> $staging_tag"

cd "$here/kubernetes"
rm -f go.mod go.sum
go mod init wheelhouse.local/cluster-build/kubernetes >/dev/null 2>&1
for m in "${staging[@]}"; do go mod edit -replace "$m=$m@$staging_tag"; done
for c in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
  go get -tool "k8s.io/kubernetes/cmd/$c@$KUBERNETES_VERSION"
done
go mod edit -go=1.26.0; go mod tidy

cd "$here/etcd"
rm -f go.mod go.sum
go mod init wheelhouse.local/cluster-build/etcd >/dev/null 2>&1
go get -tool "go.etcd.io/etcd/server/v3@$ETCD_VERSION"
go mod edit -go=1.26.0; go mod tidy

cd "$here/kwok"
rm -f go.mod go.sum
go mod init wheelhouse.local/cluster-build/kwok >/dev/null 2>&1
go get -tool "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
go mod edit -go=1.26.0; go mod tidy

# metrics-server depends on published k8s.io modules (no staging replaces needed).
cd "$here/metrics-server"
rm -f go.mod go.sum
go mod init wheelhouse.local/cluster-build/metrics-server >/dev/null 2>&1
go get -tool "sigs.k8s.io/metrics-server/cmd/metrics-server@$METRICS_SERVER_VERSION"
go mod edit -go=1.26.0; go mod tidy
echo "wrapper modules written"
