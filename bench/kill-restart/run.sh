#!/usr/bin/env bash
# Crash safety of the build: rebuild smoke with --force=all, kill -9 the whole build (Cake and the running verb) at
# five points, restart each time without --force, and compare every output and stamp-recorded hash with the clean
# build's. A unit killed while it ran must come back from .pipeline/previous/ byte for byte (or be rebuilt
# identically); nothing may be missing. Usage (from the repository root, after a complete ./build.sh on smoke):
#   bench/kill-restart/run.sh [delay-seconds ...]     default delays: 20 60 100 140 180
# Writes bench/results/kill-restart.txt with the load average at start and end.
set -euo pipefail
cd "$(dirname "$0")/../.."
tree=artifacts/smoke
out=bench/results/kill-restart.txt
delays=("${@:-20 60 100 140 180}")
[ "$#" -eq 0 ] && delays=(20 60 100 140 180)
[ -d "$tree/.pipeline/stamps" ] || { echo "error: $tree has no stamps; run ./build.sh first" >&2; exit 2; }

snapshot() {   # every output's content hash, the engine's own bookkeeping excluded
  (cd "$tree" && find . -type f ! -path './.pipeline/*' ! -path './report/*' -print0 | sort -z | xargs -0 sha256sum)
}
./build.sh > /dev/null   # make sure the reference is complete and current
snapshot > /tmp/kill-restart.ref
{
  echo "kill -9 during --force=all on smoke, then a plain restart; $(date -u +%FT%TZ); load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  for d in "${delays[@]}"; do
    setsid ./build.sh --force=all > /tmp/kill-restart.log 2>&1 &
    pid=$!
    sleep "$d"
    running=$(grep -E '; running' /tmp/kill-restart.log | tail -1 | cut -c1-100 || true)
    kill -9 -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    ./build.sh > /tmp/kill-restart.restart.log 2>&1 || { echo "kill at ${d}s: restart FAILED"; tail -5 /tmp/kill-restart.restart.log; continue; }
    restored=$(grep -o 'Restored the previous outputs of [0-9]* unit(s)' /tmp/kill-restart.restart.log || echo "nothing restored")
    if snapshot | cmp -s - /tmp/kill-restart.ref; then verdict="byte-identical"; else verdict="DIFFERS"; snapshot | diff - /tmp/kill-restart.ref | head -5; fi
    echo "kill at ${d}s (last started: ${running:-none}): $restored; outputs $verdict"
  done
  echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out"
! grep -q 'DIFFERS\|FAILED' "$out"
