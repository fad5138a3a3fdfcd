#!/usr/bin/env bash
# Stop the cluster tests/cluster/slurm-up.sh started: cancel its jobs, then stop slurmd and
# slurmctld by their recorded pids (never by matching process names). munged is left running:
# it is shared by anything else on the machine that uses munge and costs nothing idle.
set -uo pipefail
dir="${SLURM_TEST_DIR:-/tmp/privatar-slurm}"
export SLURM_CONF="$dir/slurm.conf"

[ -f "$SLURM_CONF" ] && command -v scancel >/dev/null && scancel --full --quiet -u root 2>/dev/null
for d in slurmd slurmctld; do
  pidfile="$dir/$d.pid"
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$pidfile"
done
exit 0
