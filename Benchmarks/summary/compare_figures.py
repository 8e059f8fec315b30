#!/usr/bin/env python3
"""Checks that kycuong's summary, jq and Python agree on the mean overall score per unit.

Usage: compare_figures.py KYCUONG.json JQ.json PYTHON.json
"""
import json
import sys

kycuong = {u["key"]: u["meanScore"] for u in json.load(open(sys.argv[1], encoding="utf-8"))["units"]}
jq = json.load(open(sys.argv[2], encoding="utf-8"))
python = json.load(open(sys.argv[3], encoding="utf-8"))
problems = []
for name, other in (("jq", jq), ("python", python)):
    if set(other) != set(kycuong):
        problems.append(f"{name}: units differ: {sorted(set(other) ^ set(kycuong))}")
        continue
    worst = max(abs(kycuong[u] - other[u]) for u in kycuong)
    if worst > 1e-9:
        problems.append(f"{name}: a mean differs by {worst}")
if problems:
    print("figures DISAGREE:\n  " + "\n  ".join(problems))
    sys.exit(1)
best = max(kycuong, key=kycuong.get)
print(f"figures agree: {len(kycuong)} units, e.g. {best} {kycuong[best]:.4f}")
