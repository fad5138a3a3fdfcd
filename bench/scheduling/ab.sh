#!/usr/bin/env bash
# Clean builds of the same target in two checkouts, one after the other and interleaved (before, after, before, ...),
# to compare how the engine schedules the same units. Each checkout needs its solution built. Prints and appends one
# line per build to $OUT: wall seconds (start to exit), the engine's elapsed clock, exit code and load averages.
#
#   bench/scheduling/ab.sh BEFORE_TREE AFTER_TREE [rounds] [build.sh arguments...]
#   e.g. bench/scheduling/ab.sh /work/old /work/new 2 --profile=smoke
#
# Every build deletes its checkout's artifacts/<profile> first; nothing else may run on the machine meanwhile.
set -euo pipefail
before=$(cd "$1" && pwd); after=$(cd "$2" && pwd); rounds=${3:-2}
shift $(( $# < 3 ? $# : 3 ))
profile=smoke
for a in "$@"; do case $a in --profile=*) profile=${a#--profile=} ;; esac; done
OUT=${OUT:-/tmp/scheduling-ab.txt}
logs=$(mktemp -d)
echo "# $(date -u +%FT%TZ) $(nproc) cores; arguments: ${*:-none}; before $before @ $(git -C "$before" rev-parse --short HEAD), after $after @ $(git -C "$after" rev-parse --short HEAD)" | tee -a "$OUT"
for round in $(seq "$rounds"); do
  for side in before after; do
    tree=${!side}
    rm -rf "$tree/artifacts/$profile"
    load0=$(cut -d' ' -f1-3 /proc/loadavg); t0=$(date +%s.%N)
    rc=0; (cd "$tree" && ./build.sh "$@") > "$logs/$side-$round.log" 2>&1 || rc=$?
    t1=$(date +%s.%N); load1=$(cut -d' ' -f1-3 /proc/loadavg)
    engine=$(grep -oE '[0-9.]+ (s|min|h) elapsed' "$logs/$side-$round.log" | tail -1 || true)
    ahead=$(grep -c 'running ahead of its step' "$logs/$side-$round.log" || true)
    printf '%s round %s: wall %.1f s, engine %s, exit %s, units run ahead %s, load %s -> %s\n' \
      "$side" "$round" "$(echo "$t1 - $t0" | bc)" "${engine:-?}" "$rc" "$ahead" "$load0" "$load1" | tee -a "$OUT"
  done
done
echo "logs: $logs"
