#!/usr/bin/env bash
# The real OCI registry of the registry integration tests (test/support/registry): Debian's
# docker-registry (distribution 2.8), htpasswd from apache2-utils for its Basic-auth users, and
# openssl for the token issuer's and the TLS registry's certificates (../shared/docs/registry-testing.md
# §0). Instant when they are installed; a fresh Debian machine installs them with apt-get as root.
set -euo pipefail

# command -> Debian package that provides it
declare -A package_of=([docker-registry]=docker-registry [htpasswd]=apache2-utils [openssl]=openssl)

missing=()
for command in "${!package_of[@]}"; do
  command -v "${command}" >/dev/null || missing+=("${package_of[${command}]}")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "20-registry: docker-registry, htpasswd and openssl present" >&2
  exit 0
fi

if [[ ${EUID} -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "20-registry: the registry tests need these Debian packages: ${missing[*]} (apt-get install ${missing[*]})" >&2
  exit 1
fi

# Whether the packaged service was running before, so that only a service this script's install
# started is stopped again: the tests run their own registries on free ports, never the :5000 unit.
service_was_active=no
if command -v systemctl >/dev/null && systemctl is-active --quiet docker-registry 2>/dev/null; then
  service_was_active=yes
fi

# Another apt-get (an unattended upgrade, a parallel test run) may hold the dpkg lock: wait for it.
apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"; }
install() { apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
# The package lists are refreshed only when the install fails without them (a fresh machine).
install || { apt_get update -qq && install; }

if [[ ${service_was_active} == no ]] && command -v systemctl >/dev/null &&
  systemctl is-active --quiet docker-registry 2>/dev/null; then
  systemctl disable --now docker-registry >/dev/null 2>&1 || true
fi

for command in "${!package_of[@]}"; do
  command -v "${command}" >/dev/null || { echo "20-registry: ${command} still missing after apt-get install" >&2; exit 1; }
done
echo "20-registry: installed ${missing[*]}" >&2
