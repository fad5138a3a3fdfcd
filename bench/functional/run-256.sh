#!/bin/bash
# The whole functional profile at 256² textures from a clean artifacts/functional, timed end to end, with the load
# average and used memory sampled once a minute. Run from the repository root; writes to $OUT (default
# /tmp/functional-256): the build's log, /usr/bin/time's report, the load samples, and steps.md (step_times.py).
set -u
OUT=${OUT:-/tmp/functional-256}
mkdir -p "$OUT"
rm -rf artifacts/functional
( while true; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg) $(free -g | awk '/Mem:/{print $3}')GB"; sleep 60; done ) > "$OUT/load.txt" &
sampler=$!
trap 'kill $sampler' EXIT
start=$(date +%s)
echo "start $(date -u -d @"$start" +%FT%TZ) load $(cat /proc/loadavg) commit $(git rev-parse --short HEAD)" > "$OUT/meta.txt"
/usr/bin/time -v ./build.sh --profile=functional --data_texture_size=256 > "$OUT/build.log" 2> "$OUT/time.txt"
echo "exit $? end $(date -u +%FT%TZ) load $(cat /proc/loadavg)" >> "$OUT/meta.txt"
"$(dirname "$0")/step_times.py" --start "$start" > "$OUT/steps.md"
