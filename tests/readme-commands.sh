#!/usr/bin/env bash
# Runs the README's example commands, so a renamed target, argument or verb breaks CI rather than a reader.
# Builds are run as --dryrun (plans, decisions and errors, no work): the test suite itself is `.ci/run`'s first
# command, and a real smoke build is `./build.sh`. Each command must exit 0.
set -euo pipefail
cd "$(dirname "$0")/.."
cli="dotnet src/Privatar.Cli/bin/Release/net10.0/privatar.dll"
run() { echo "+ $*"; "$@" > /tmp/readme-command.log 2>&1 || { tail -20 /tmp/readme-command.log; echo "README command failed: $*" >&2; exit 1; }; }

# Getting started, profiles and overrides (as dry runs)
run ./build.sh --dryrun
run ./build.sh --profile=functional --runtime_threads=1 --dryrun
run ./build.sh --force=Train --dryrun
run ./build.sh --pipeline_executor=slurm --dryrun
run ./build.sh --pipeline_workers=false --dryrun
# The engine's targets
run ./build.sh --target=Status
run ./build.sh --target=Why --step=Train
run ./build.sh --target=Dag
run ./build.sh --target=Env
# The privatar command, where the README says it lives
run $cli --help
run $cli env --device cpu --threads 1
run $cli vae init --help
run $cli vae test --help
# The worker the build runs units through (README, "Reproducibility and timing"): two requests, two replies of exit code 0
printf '%s\n' '["env"]' '["env","--threads","1"]' | $cli worker > /tmp/readme-command.log 2>&1
[ "$(grep -c $'^\x1e0$' /tmp/readme-command.log)" = 2 ] || { tail -20 /tmp/readme-command.log; echo "privatar worker did not answer two requests" >&2; exit 1; }
# A value a verb would refuse stops the build before any work, naming the key (README, "Device")
if ./build.sh --runtime_device=cuda --dryrun > /tmp/readme-command.log 2>&1; then echo "--runtime_device=cuda was accepted" >&2; exit 1; fi
grep -q '\[runtime\] device = cuda: expected cpu' /tmp/readme-command.log || { tail -5 /tmp/readme-command.log; exit 1; }
echo "README commands: all ran"
