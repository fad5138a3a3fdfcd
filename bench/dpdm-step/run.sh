#!/usr/bin/env bash
# A DPDM DP-SGD step (per-example gradients by hooks, noise multiplicity K) vs a non-private step of the same U-Net
# (see bench/README.md). Builds the bench, runs it, and writes the JSON with the 1-minute load average before and after.
# usage: bench/dpdm-step/run.sh [--threads 1] [--batches 16,64] [--ks 1,4] [--nf 16] [--reps 6] [--out bench/results/dpdm-step.json]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
dotnet build "$here/DpdmStepBench.csproj" -c Release --nologo -v quiet
dotnet "$here/bin/Release/net10.0/DpdmStepBench.dll" "$@"
