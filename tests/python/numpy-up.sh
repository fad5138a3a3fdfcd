#!/usr/bin/env bash
# Make Debian's numpy available to the tests that check our .npy files against numpy itself (Privatar.Core.Tests,
# Privatar.Noise.Tests), installing python3-numpy when no python3 on this machine can import it, and print the
# interpreter that can. Without it those tests are skipped, not failed. Idempotent; needs root for the install.
#
#   tests/python/numpy-up.sh          # prints /usr/bin/python3 (or the python3 on PATH when it has numpy)
set -euo pipefail

fail() { echo "numpy-up: $*" >&2; exit 1; }

# The tests try python3 on PATH first, then the system interpreter, which is the one Debian's package serves.
find_python() {
  for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import numpy' 2>/dev/null; then command -v "$p"; return 0; fi
  done
  return 1
}

if ! find_python >/dev/null; then
  [ "$(id -u)" = 0 ] || fail "no python3 with numpy, and installing python3-numpy needs root"
  echo "numpy-up: installing Debian's python3-numpy" >&2
  # Another apt run (a parallel install step) may hold the dpkg lock for a while: wait for it.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq python3-numpy >/dev/null
fi

find_python || fail "apt-get installed python3-numpy but no python3 can import numpy"
