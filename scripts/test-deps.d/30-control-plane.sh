#!/usr/bin/env bash
# The real control plane of the integration tests (test/support/control-plane): kube-apiserver,
# kube-controller-manager, kube-scheduler, etcd and kwok, built from Go modules by
# scripts/control-plane/build into the user's cache directory. Instant once built; a fresh machine
# builds them once (several minutes; see docs/development/control-plane.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The harness makes its certificates with openssl.
if ! command -v openssl >/dev/null; then
  if [[ ${EUID} -eq 0 ]] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null; }
  else
    echo "30-control-plane: the tests need openssl" >&2
    exit 1
  fi
fi

if "${root}/scripts/control-plane/build" --check; then
  echo "30-control-plane: binaries cached in $("${root}/scripts/control-plane/build" --print-dir)" >&2
  exit 0
fi
"${root}/scripts/control-plane/build" >/dev/null
