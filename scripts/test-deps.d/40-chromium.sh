#!/usr/bin/env bash
# Chromium, for the test that renders `pullguard report -o html` in a real headless browser
# (test/integration/report/report-html-chromium.test.ts, driven by the playwright-core npm
# package, which brings no browser of its own). Instant when one is installed; a fresh Debian
# machine installs Debian's chromium as root.
set -euo pipefail

if command -v chromium >/dev/null; then
  echo "40-chromium: chromium present" >&2
  exit 0
fi

if [[ ${EUID} -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "40-chromium: the HTML report test needs chromium (apt-get install chromium)" >&2
  exit 1
fi

# Another apt-get (an unattended upgrade, a parallel test run) may hold the dpkg lock: wait for it.
apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"; }
install() { apt_get install -y -qq --no-install-recommends chromium >/dev/null; }
# The package lists are refreshed only when the install fails without them (a fresh machine).
install || { apt_get update -qq && install; }

command -v chromium >/dev/null || { echo "40-chromium: chromium still missing after apt-get install chromium" >&2; exit 1; }
echo "40-chromium: installed chromium" >&2
