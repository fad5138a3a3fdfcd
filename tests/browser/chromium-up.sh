#!/usr/bin/env bash
# Make Debian's chromium available for the report's browser test, installing it when missing, and print its path.
# Idempotent: an installed chromium is used as it is. Needs root for the install (as CI and the developers' machines are).
#
#   tests/browser/chromium-up.sh          # prints /usr/bin/chromium
set -euo pipefail

fail() { echo "chromium-up: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null; then
  [ "$(id -u)" = 0 ] || fail "chromium is missing and installing it needs root"
  echo "chromium-up: installing Debian's chromium" >&2
  # Another apt run (a parallel install step) may hold the dpkg lock for a while: wait for it.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium >/dev/null
fi

path="$(command -v chromium)" || fail "apt-get installed chromium but it is not on PATH"
"$path" --version >/dev/null 2>&1 || fail "$path --version failed; the install is broken"
echo "$path"
