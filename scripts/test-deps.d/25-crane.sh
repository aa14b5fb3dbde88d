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

# GOTOOLCHAIN=local: build with the machine's Go (the module needs go 1.25 or newer) rather than
# fetching another toolchain; CGO_ENABLED=0: a static binary, no C compiler needed.
build_into() {
  local gobin="$1.gobin"
  rm -rf -- "${gobin}"
  GOBIN="${gobin}" GOTOOLCHAIN=local CGO_ENABLED=0 go install "${MODULE}@${CRANE_VERSION}" && mv -f -- "${gobin}/crane" "$1" && rm -rf -- "${gobin}"
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=lib/cached-go-binary.sh
source "${root}/scripts/test-deps.d/lib/cached-go-binary.sh"
cached_go_binary 25-crane "${crane}" "$@"
