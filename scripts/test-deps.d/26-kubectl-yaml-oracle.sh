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

case "${1:-}" in
  --print-path) echo "${oracle}"; exit 0 ;;
  "") ;;
  *) echo "26-kubectl-yaml-oracle: unknown argument ${1} (expected --print-path)" >&2; exit 2 ;;
esac

if [[ -x "${oracle}" ]]; then
  echo "26-kubectl-yaml-oracle: cached in ${oracle}" >&2
  exit 0
fi

command -v go >/dev/null || { echo "26-kubectl-yaml-oracle: building the oracle needs a Go toolchain on PATH" >&2; exit 1; }

mkdir -p "${dir}"
# Two suites starting at once on a fresh machine must not build into the same directory together.
exec 9>"${dir}/.lock"
flock 9
if [[ -x "${oracle}" ]]; then
  echo "26-kubectl-yaml-oracle: built by a concurrent run: ${oracle}" >&2
  exit 0
fi

started=${SECONDS}
log="${dir}/build.log"
# GOTOOLCHAIN=local: the machine's Go (go.mod says go 1.26.0, as Kubernetes 1.36 does);
# CGO_ENABLED=0: no C compiler needed; -mod=readonly: go.sum must already hold every module.
if ! (cd "${source_dir}" && GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=readonly \
  go build -trimpath -ldflags "-s -w" -o "${dir}/kubectl-yaml.partial" .) >"${log}" 2>&1; then
  echo "26-kubectl-yaml-oracle: go build in test/oracle/kubectl-yaml failed:" >&2
  tail -n 40 "${log}" >&2
  exit 1
fi
# Only a complete binary is ever at the cached path.
mkdir -p "${dir}/bin"
mv -f -- "${dir}/kubectl-yaml.partial" "${oracle}"
echo "26-kubectl-yaml-oracle: built in $((SECONDS - started)) s: ${oracle}" >&2
