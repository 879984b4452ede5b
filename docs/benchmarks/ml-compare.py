#!/usr/bin/env python3
"""Paired comparison of two docs/benchmarks/ml-slices.sh runs on the same pairs: per target, the mean change per
test case (variant minus base) over every pair and slice, and the share of 2,000 bootstrap resamples of those
cases in which the change is positive.

usage: [PAIRS=FILE] docs/benchmarks/ml-compare.py BASE_TAG VARIANT_TAG [OUT_DIR]   (OUT_DIR defaults to /tmp/ml-proto)
Both runs must cover the same pairs (e.g. both made with PAIRS=/tmp/all16.txt, the tuned and unseen lists together).
"""
import math
import random
import sys

import ml_pairs

base, variant = sys.argv[1], sys.argv[2]
out = sys.argv[3] if len(sys.argv) > 3 else "/tmp/ml-proto"
RESAMPLES = 2000
diffs = {"hitsStyle": [], "hitsRelevance": [], "fidelity": [], "unigramF1": []}
for pair in ml_pairs.pairs():
    a = ml_pairs.slice_reports(base, pair, out)
    b = ml_pairs.slice_reports(variant, pair, out)
    for s in sorted(set(a) & set(b)):
        for key, values in diffs.items():
            for x, y in zip(a[s]["cases"]["model"][key], b[s]["cases"]["model"][key]):
                if not (math.isnan(x) or math.isnan(y)):
                    values.append(y - x)
rnd = random.Random(1)
print(f"{variant} against {base}: mean change per test case (support: share of resamples above 0)")
for key, values in diffs.items():
    n = len(values)
    if n == 0:
        print(f"  {key:14} no common test cases")
        continue
    above = sum(sum(values[rnd.randrange(n)] for _ in range(n)) > 0 for _ in range(RESAMPLES))
    print(f"  {key:14} n={n} {sum(values) / n:+.4f} ({above / RESAMPLES:.3f})")
