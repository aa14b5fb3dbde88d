#!/usr/bin/env bash
# kubectl, for the test that runs the packed package as a kubectl plugin (`kubectl pullguard`,
# test/cli/packed-install.test.ts): any kubectl finds plugins as `kubectl-NAME` on PATH. Instant
# when one is installed; a fresh Debian machine installs Debian's kubernetes-client as root.
set -euo pipefail

if command -v kubectl >/dev/null; then
  echo "22-kubectl: kubectl present" >&2
  exit 0
fi

if [[ ${EUID} -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "22-kubectl: the packaging test needs kubectl (apt-get install kubernetes-client)" >&2
  exit 1
fi

# Another apt-get (an unattended upgrade, a parallel test run) may hold the dpkg lock: wait for it.
apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"; }
install() { apt_get install -y -qq --no-install-recommends kubernetes-client >/dev/null; }
# The package lists are refreshed only when the install fails without them (a fresh machine).
install || { apt_get update -qq && install; }

command -v kubectl >/dev/null || { echo "22-kubectl: kubectl still missing after apt-get install kubernetes-client" >&2; exit 1; }
echo "22-kubectl: installed kubernetes-client" >&2
