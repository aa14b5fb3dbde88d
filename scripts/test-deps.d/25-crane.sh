#!/usr/bin/env bash
# go-containerregistry's `crane`, the second registry implementation of the registry integration
# tests (`crane registry serve`, test/support/registry/crane.ts) and the tool that pushes images
# the way users' pipelines make them (`crane append`, `crane mutate --set-platform`,
# `crane index append`). Built from the Go module proxy into the user's cache directory, keyed by
# the pinned version, so a second run costs nothing:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/pullguard/crane/<version>/bin/crane
# A cold build takes about a minute on 2 cores (module download included).
#
# Usage: scripts/test-deps.d/25-crane.sh               build crane unless it is cached
#        scripts/test-deps.d/25-crane.sh --print-path  print where crane is (or will be); builds nothing
set -euo pipefail

# The one place where crane's version is pinned (the test support asks this script for the path).
CRANE_VERSION=v0.22.1
MODULE=github.com/google/go-containerregistry/cmd/crane

dir="${XDG_CACHE_HOME:-${HOME}/.cache}/pullguard/crane/${CRANE_VERSION}"
crane="${dir}/bin/crane"

case "${1:-}" in
  --print-path) echo "${crane}"; exit 0 ;;
  "") ;;
  *) echo "25-crane: unknown argument ${1} (expected --print-path)" >&2; exit 2 ;;
esac

if [[ -x "${crane}" ]]; then
  echo "25-crane: crane ${CRANE_VERSION} cached in ${crane}" >&2
  exit 0
fi

command -v go >/dev/null || { echo "25-crane: building crane ${CRANE_VERSION} needs a Go toolchain on PATH" >&2; exit 1; }

mkdir -p "${dir}"
# Two suites starting at once on a fresh machine must not build into the same directory together.
exec 9>"${dir}/.lock"
flock 9
if [[ -x "${crane}" ]]; then
  echo "25-crane: crane ${CRANE_VERSION} built by a concurrent run: ${crane}" >&2
  exit 0
fi

started=${SECONDS}
partial="${dir}/bin.partial"
rm -rf -- "${partial}"
log="${dir}/build.log"
# GOTOOLCHAIN=local: build with the machine's Go (the module needs go 1.25 or newer) rather than
# fetching another toolchain; CGO_ENABLED=0: a static binary, no C compiler needed.
if ! GOBIN="${partial}" GOTOOLCHAIN=local CGO_ENABLED=0 go install "${MODULE}@${CRANE_VERSION}" >"${log}" 2>&1; then
  echo "25-crane: go install ${MODULE}@${CRANE_VERSION} failed:" >&2
  tail -n 40 "${log}" >&2
  exit 1
fi
# Only a complete binary is ever at the cached path.
mkdir -p "${dir}/bin"
mv -f -- "${partial}/crane" "${crane}"
rm -rf -- "${partial}"
echo "25-crane: built crane ${CRANE_VERSION} in $((SECONDS - started)) s: ${crane}" >&2
