#!/usr/bin/env python3
"""Per-unit wall times of the synthesis benchmark, read from the stamps of the last build of a profile.

Usage: bench/synthesis/unit_costs.py [--profile functional] [--out bench/results/synthesis-functional-units.json]

Each stamp records the wall time of the run that wrote it (provenance, never compared). Run this right after
`./build.sh --profile=<p> --target=Synthesis`: the summary only describes that run if every unit it lists ran in it.
The load average at the time of this report is recorded; the build's own log has the load during the run.
"""
import argparse, json, os, pathlib, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("--profile", default="functional")
ap.add_argument("--out")
args = ap.parse_args()
root = pathlib.Path(__file__).resolve().parents[2]
stamps = root / "artifacts" / args.profile / ".pipeline" / "stamps"
rows = []
for step_dir in sorted(p for p in stamps.iterdir() if p.name.startswith("Synthesis")):
    for f in sorted(step_dir.glob("*.json")):
        s = json.loads(f.read_text())
        rows.append({"step": s["step"], "unit": s["unit"], "wall_seconds": s["wall_seconds"], "code": s["code"]})
if not rows:
    raise SystemExit(f"{stamps}: no Synthesis* stamps; run ./build.sh --profile={args.profile} --target=Synthesis first")

by_step = {}
for r in rows:
    by_step.setdefault(r["step"], []).append(r["wall_seconds"])
width = max(len(r["step"]) + len(r["unit"]) for r in rows) + 3
for r in rows:
    print(f"{r['step']}[{r['unit']}]".ljust(width), f"{r['wall_seconds']:8.1f} s")
print()
for step, walls in by_step.items():
    print(f"{step.ljust(24)} {len(walls):3d} units  {sum(walls):8.1f} s unit time  (max {max(walls):.1f} s)")
total = sum(r["wall_seconds"] for r in rows)
print(f"{'all'.ljust(24)} {len(rows):3d} units  {total:8.1f} s unit time")

if args.out:
    out = pathlib.Path(args.out)
    doc = {"profile": args.profile, "load_average_at_report": os.getloadavg()[0], "cores": os.cpu_count(),
           "reported": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
           "unit_seconds_total": round(total, 3),
           "steps": {k: {"units": len(v), "unit_seconds": round(sum(v), 3)} for k, v in by_step.items()},
           "units": rows}
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=out.name + ".")
    with os.fdopen(fd, "w") as fh:
        json.dump(doc, fh, indent=2)
        fh.write("\n")
    os.replace(tmp, out)
    print(f"-> {out}")
