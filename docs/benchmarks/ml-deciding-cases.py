#!/usr/bin/env python3
"""How many test cases decide each per-pair verdict of one docs/benchmarks/ml-slices.sh run, on one slice
(default s100, the protocol split: the test part of the whole chat).

usage: [PAIRS=FILE] docs/benchmarks/ml-deciding-cases.py TAG [SLICE] [OUT_DIR]
  (SLICE defaults to s100, OUT_DIR to /tmp/ml-proto, PAIRS to docs/benchmarks/ml-pairs.txt)

Per pair and target, from the per-case scores `evaluate` reports:
- Hits@1/20 and unigram F1 (judged against the baseline on the same cases): on how many cases the model is
  ahead and on how many the baseline is (the rest are ties), with the exact two-sided sign-test p of that split;
- every target: "swing", the fewest cases that turn the verdict. For a binary figure (hits, fidelity), how
  many more of the model's cases would have to be hits / recognised replies to meet a missed target, or how
  many fewer to miss a met one; for unigram F1, how many of the winning side's leads (largest first) would
  have to become ties for the other side to draw level (a tie misses: the model has to be strictly above).
A verdict with a swing of 1 or 2 cases and a sign-test p near 1 is not evidence either way.
"""
import math
import sys
from math import comb

import ml_pairs

tag = sys.argv[1]
slice_name = sys.argv[2] if len(sys.argv) > 2 else "s100"
out = sys.argv[3] if len(sys.argv) > 3 else "/tmp/ml-proto"
TARGETS = [("hitsStyle", "hits style", "times"), ("hitsRelevance", "hits relevance", "times"),
           ("fidelity", "fidelity", "ceiling"), ("unigramF1", "unigram F1", "above")]


def sign_test(ahead, behind):
    """Exact two-sided sign test of `ahead` against `behind` (ties left out)."""
    n = ahead + behind
    if n == 0:
        return 1.0
    tail = sum(comb(n, i) for i in range(min(ahead, behind) + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def binary_swing(model, bar_count, met, needs_more_than_zero):
    """Cases of the model to add (missed) or take away (met) to turn the verdict; None if none can."""
    values = [x for x in model if not math.isnan(x)]
    have = int(sum(values))
    if met:
        # met while have >= bar_count (and > 0 if required): taking away k misses once have - k < bar_count
        k = have - math.ceil(bar_count - 1e-9) + 1
        return min(k, have) if needs_more_than_zero else k
    need = max(math.ceil(bar_count - 1e-9), 1 if needs_more_than_zero else 0)
    k = need - have
    return k if need <= len(values) else None


def f1_swing(model, base, met):
    """The winning side's leads, largest first, to tie until the other side draws level."""
    diffs = [m - b for m, b in zip(model, base) if not (math.isnan(m) or math.isnan(b))]
    gap = sum(diffs)
    leads = sorted((abs(d) for d in diffs if (d > 0) == met and d != 0), reverse=True)
    closed = 0.0
    for k, lead in enumerate(leads, 1):
        closed += lead
        if closed >= abs(gap) - 1e-12:
            return k
    return None


def describe(report, t, key, rule):
    target = report["targets"][t]
    model = report["cases"]["model"][key]
    base = report["cases"]["baseline"][key]
    met = target["met"]
    verdict = "met " if met else "MISS"
    if rule == "ceiling":
        usable = [x for x in model if not math.isnan(x)]
        bar_count = target["bar"] * len(usable)
        swing = binary_swing(model, bar_count, met, False)
        return f"{verdict} {int(sum(usable))}/{len(usable)} vs bar {bar_count:.1f}, swing {swing}"
    pairs = [(m, b) for m, b in zip(model, base) if not (math.isnan(m) or math.isnan(b))]
    ahead = sum(1 for m, b in pairs if m > b)
    behind = sum(1 for m, b in pairs if b > m)
    if rule == "times":
        usable = [m for m, _ in pairs]
        bar_count = 1.5 * sum(b for _, b in pairs)
        swing = binary_swing(usable, bar_count, met, True)
    else:
        swing = f1_swing([m for m, _ in pairs], [b for _, b in pairs], met)
    return (f"{verdict} {ahead}:{behind} p={sign_test(ahead, behind):.2f}, "
            f"swing {swing if swing is not None else '-'}")


print(f"{tag} {slice_name}: per target, cases model ahead : baseline ahead (sign-test p), and the swing in cases")
for pair in ml_pairs.pairs():
    report = ml_pairs.slice_reports(tag, pair, out).get(slice_name)
    if report is None:
        print(f"{pair}: no result")
        continue
    print(f"{pair} ({report['testCases']} cases)")
    for t, (key, name, rule) in enumerate(TARGETS):
        print(f"  {name:15} {describe(report, t, key, rule)}")
