#!/usr/bin/env bash
# A real Docker Engine for the local-runtime tests (test/support/docker-daemon): Debian's docker.io
# provides dockerd, which the tests start themselves on a socket and data root of their own
# (`dockerd --iptables=false --bridge=none --storage-driver=vfs`, no networking needed). Instant
# when dockerd is installed; a fresh Debian machine installs docker.io with apt-get as root. The
# packaged service is left stopped: the tests never use the machine's own daemon.
set -euo pipefail

if command -v dockerd >/dev/null; then
  echo "40-dockerd: dockerd present" >&2
  exit 0
fi

if [[ ${EUID} -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "40-dockerd: the local-runtime tests need dockerd (apt-get install docker.io)" >&2
  exit 1
fi

# Another apt-get (an unattended upgrade, a parallel test run) may hold the dpkg lock: wait for it.
apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"; }
# policy-rc.d keeps the package's init scripts from starting a daemon of the machine's own.
policy=/usr/sbin/policy-rc.d
created_policy=no
if [[ ! -e ${policy} ]]; then
  printf '#!/bin/sh\nexit 101\n' >"${policy}" && chmod +x "${policy}" && created_policy=yes
fi
cleanup() { [[ ${created_policy} == yes ]] && rm -f "${policy}"; return 0; }
trap cleanup EXIT
install() { apt_get install -y -qq --no-install-recommends docker.io >/dev/null; }
# The package lists are refreshed only when the install fails without them (a fresh machine).
install || { apt_get update -qq && install; }

if command -v systemctl >/dev/null; then
  systemctl disable --now docker.service docker.socket >/dev/null 2>&1 || true
fi
command -v dockerd >/dev/null || { echo "40-dockerd: dockerd still missing after apt-get install" >&2; exit 1; }
echo "40-dockerd: installed docker.io" >&2
