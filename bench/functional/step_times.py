#!/usr/bin/env python3
"""Per-step wall time and unit-time sum of a profile's last build, from its stamps (as bench/synthesis/unit_costs.py
reads them, for every step rather than the synthesis units alone).

Usage: bench/functional/step_times.py --start <epoch seconds the build started> [--profile functional]

A stamp is written when its unit ends, so a step's wall is its last stamp's time minus the previous step's last
(steps run one after another); the first step is measured from --start. Only meaningful right after a build from a
clean tree, when every stamp is from that build.
"""
import argparse, json, pathlib

ap = argparse.ArgumentParser()
ap.add_argument("--profile", default="functional")
ap.add_argument("--start", type=float, required=True)
args = ap.parse_args()
stamps = pathlib.Path(__file__).resolve().parents[2] / "artifacts" / args.profile / ".pipeline" / "stamps"
steps = []
for step_dir in stamps.iterdir():
    files = list(step_dir.glob("*.json"))
    if files:
        steps.append((max(f.stat().st_mtime for f in files), step_dir.name, len(files),
                      sum(json.loads(f.read_text())["wall_seconds"] for f in files)))
if not steps:
    raise SystemExit(f"{stamps}: no stamps; build --profile={args.profile} first")
steps.sort()
prev, total = args.start, 0.0
print("| step | units | wall, min | unit time, min |")
print("|---|---|---|---|")
for end, step, n, unit_seconds in steps:
    total += unit_seconds
    print(f"| {step} | {n} | {(end - prev) / 60:.1f} | {unit_seconds / 60:.1f} |")
    prev = end
print(f"| **all** | | **{(prev - args.start) / 60:.1f}** | **{total / 60:.1f}** |")
