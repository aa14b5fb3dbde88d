#!/usr/bin/env bash
# The YAML oracle of the differential test (test/unit/manifests/kubectl-decoder-agreement.test.ts):
# a small Go program, test/oracle/kubectl-yaml, that decodes manifest streams with the decoder
# `kubectl apply -f` uses (k8s.io/apimachinery pkg/util/yaml, sigs.k8s.io/yaml, go-yaml v2) at the
# versions its go.mod pins. Built from the Go module proxy into the user's cache directory, keyed by
# a hash of the program's sources (go.mod pins the versions), so a second run costs nothing:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/pullguard/kubectl-yaml/<hash>/bin/kubectl-yaml
# A cold build takes under half a minute on 2 cores (four small modules downloaded).
#
# Usage: scripts/test-deps.d/26-kubectl-yaml-oracle.sh               build it unless it is cached
#        scripts/test-deps.d/26-kubectl-yaml-oracle.sh --print-path  print where it is (or will be); builds nothing
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source_dir="${root}/test/oracle/kubectl-yaml"
key="$(cat "${source_dir}/go.mod" "${source_dir}/go.sum" "${source_dir}/main.go" | sha256sum | cut -c1-16)"
dir="${XDG_CACHE_HOME:-${HOME}/.cache}/pullguard/kubectl-yaml/${key}"
oracle="${dir}/bin/kubectl-yaml"

# GOTOOLCHAIN=local: the machine's Go (go.mod says go 1.26.0, as Kubernetes 1.36 does);
# CGO_ENABLED=0: no C compiler needed; -mod=readonly: go.sum must already hold every module.
build_into() {
  (cd "${source_dir}" && GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath -ldflags "-s -w" -o "$1" .)
}

# shellcheck source=lib/cached-go-binary.sh
source "${root}/scripts/test-deps.d/lib/cached-go-binary.sh"
cached_go_binary 26-kubectl-yaml-oracle "${oracle}" "$@"
