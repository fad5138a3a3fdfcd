#!/usr/bin/env python3
"""The clean empirical attack beside its ceiling (the same matching with a perfect cloud decoder), per reference mode
and partition n, from a profile's attacks.csv; markdown on stdout.

Usage: bench/functional/attack_ceiling.py [--profile functional] [--fidelity corrected]

Run after `./build.sh --profile=<profile> [--data_texture_size=256] --target=Attack`. Each cell is attack / ceiling in
frames found of K; the last column is the mean PSR over n, the quantity verify's attack_above_chance_clean reads
(accumulated_hf, corrected).
"""
import argparse, csv, pathlib

ap = argparse.ArgumentParser()
ap.add_argument("--profile", default="functional")
ap.add_argument("--fidelity", default="corrected")
args = ap.parse_args()
path = pathlib.Path(__file__).resolve().parents[2] / "artifacts" / args.profile / "results" / "attacks.csv"
if not path.exists():
    raise SystemExit(f"{path}: missing; build --profile={args.profile} --target=Attack first")
rows = [r for r in csv.DictReader(path.open()) if r["mechanism"] == "none" and r["fidelity"] == args.fidelity
        and r["attack"] in ("empirical", "empirical_ceiling")]
if not any(r["attack"] == "empirical_ceiling" for r in rows):
    raise SystemExit(f"{path}: no empirical_ceiling rows; the table predates the ceiling, rerun the Attack step")
ns = sorted({int(r["n"]) for r in rows})
cell = {(r["attack"], r["reference_mode"], int(r["n"])): r for r in rows}
k = rows[0]["classes"]
print(f"| reference mode ({args.fidelity}, K = {k}) | " + " | ".join(f"n = {n}" for n in ns) + " | mean PSR, attack / ceiling |")
print("|---" * (len(ns) + 2) + "|")
for mode in ("ambiguity_merge", "accumulated_hf", "accumulated_offload"):
    got = [cell.get(("empirical", mode, n)) for n in ns]
    top = [cell.get(("empirical_ceiling", mode, n)) for n in ns]
    parts = [f"{a['successes'] if a else '—'} / {c['successes'] if c else '—'}" for a, c in zip(got, top)]
    mean = lambda xs: sum(float(x["psr"]) for x in xs if x) / max(1, sum(1 for x in xs if x))
    print(f"| {mode} | " + " | ".join(parts) + f" | {mean(got):.3f} / {mean(top):.3f} |")
