#!/usr/bin/env python3
"""Per-step wall time and unit-time sum of one build, from its stamps: a stamp is written when its unit ends, so a
step's wall is its last stamp's time minus the previous step's last (steps run one after another); the first step is
measured from START (epoch seconds)."""
import json, os, sys
stamps, start = sys.argv[1], float(sys.argv[2])
steps = []
for step in os.listdir(stamps):
    d = os.path.join(stamps, step)
    files = [os.path.join(d, f) for f in os.listdir(d)]
    steps.append((max(os.path.getmtime(f) for f in files), step, len(files), sum(json.load(open(f))['wall_seconds'] for f in files)))
steps.sort()
prev, tot = start, 0.0
print('| step | units | wall, min | unit time, min |')
print('|---|---|---|---|')
for end, step, n, u in steps:
    tot += u
    print(f'| {step} | {n} | {(end - prev) / 60:.1f} | {u / 60:.1f} |')
    prev = end
print(f'| **all** | | **{(prev - start) / 60:.1f}** | **{tot / 60:.1f}** |')
