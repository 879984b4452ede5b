#!/usr/bin/env python3
"""Pooled verdicts of one docs/benchmarks/ml-slices.sh run: the issue's four quality targets per pair, on each
time slice and on the slices' test cases pooled, with the support of 2,000 paired bootstrap resamples drawn
within each slice (as `evaluate` draws them within its one test set), each resample also redrawing the person's
held-out lines that each slice's style ceiling was measured on (as `evaluate` does).

usage: [PAIRS=FILE] docs/benchmarks/ml-slices-table.py TAG [OUT_DIR]   (OUT_DIR defaults to /tmp/ml-proto; PAIRS to
docs/benchmarks/ml-pairs.txt)
Per target: the three slices' verdicts (s60 s80 s100: + met, - missed, . no figure), then pooled over all three
slices and pooled over the two never used to tune anything (s60 and s100): model vs bar (support).
Pooled fidelity is compared with 0.9 x the slices' ceilings weighted by their test cases.
"""
import math
import random
import sys

import ml_pairs

tag = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/ml-proto"
slices = ml_pairs.SLICES
untuned = ["s60", "s100"]
pairs = ml_pairs.pairs()
targets = [("hitsStyle", "Hits@1/20 style", "times"), ("hitsRelevance", "Hits@1/20 relevance", "times"),
           ("fidelity", "fidelity", "ceiling"), ("unigramF1", "unigram F1", "above")]
RESAMPLES = 2000


def mean(values):
    v = [x for x in values if not math.isnan(x)]
    return sum(v) / len(v) if v else float("nan")


def holds(rule, m, b, ceiling):
    if math.isnan(m):
        return False
    if rule == "times":
        return m >= 1.5 * b and m > 0
    if rule == "ceiling":
        return m >= 0.9 * ceiling
    return m > b


def bar(rule, b, ceiling):
    return 1.5 * b if rule == "times" else 0.9 * ceiling if rule == "ceiling" else b


def resampled_ceiling(run, rnd):
    """The slice's ceiling from a redraw of the person's held-out lines it was measured on (reports made
    before `evaluate` listed those lines: the ceiling as reported)."""
    lines = run[4]["cases"].get("styleCeiling")
    if lines is None:
        return run[2]
    return sum(lines[rnd.randrange(len(lines))] for _ in lines) / len(lines) if lines else 0.0


def pooled(runs, key, rule, seed):
    """runs: list of (model cases, baseline cases, ceiling, n, report). Returns model, bar, met, support.
    Each resample redraws every slice's test cases and, for the ceiling, its lines of the person."""
    model = [x for r in runs for x in r[0][key]]
    base = [x for r in runs for x in r[1][key]]
    n = sum(r[3] for r in runs)
    ceiling = sum(r[2] * r[3] for r in runs) / n
    m, b = mean(model), mean(base)
    rnd = random.Random(seed)
    ceiling_rnd = random.Random(~seed)
    usable = held = 0
    for _ in range(RESAMPLES):
        rm, rb = [], []
        for r in runs:
            k = r[3]
            for _ in range(k):
                i = rnd.randrange(k)
                rm.append(r[0][key][i])
                rb.append(r[1][key][i])
        redrawn = sum(resampled_ceiling(r, ceiling_rnd) * r[3] for r in runs) / n
        mm = mean(rm)
        if math.isnan(mm):
            continue
        usable += 1
        held += holds(rule, mm, mean(rb), redrawn)
    return m, bar(rule, b, ceiling), holds(rule, m, b, ceiling), held / usable if usable else float("nan")


def own_lines(runs):
    """Case-weighted share of the person's training replies the held-out classifier gives them (if reported)."""
    runs = [r for r in runs if "styleOfTrainingReplies" in r[4]]
    if not runs:
        return ""
    share = sum(r[4]["styleOfTrainingReplies"] * r[3] for r in runs) / sum(r[3] for r in runs)
    return f"; own earlier lines recognised {share:.3f}"


print(f"{tag}: targets per pair; slices s60 s80 s100 (+ met, - missed, . no figure or no run); "
      "pooled all | pooled untuned (s60+s100)")
met = {"protocol": 0, "all": 0, "untuned": 0}
every = []  # every pair's runs, for the verdicts over all pairs together
counted = {"protocol": 0, "all": 0, "untuned": 0}
for pair in pairs:
    runs = {s: (j["cases"]["model"], j["cases"]["baseline"], j["styleCeiling"], j["testCases"], j)
            for s, j in ml_pairs.slice_reports(tag, pair, out).items()}
    if not runs:
        print(f"{pair}: no slice has a result (evaluate refused every one: see the runs' .err files)")
        continue
    every.extend(runs.values())
    print(f"{pair}: cases " + " ".join(f"{s} {runs[s][3] if s in runs else 0}" for s in slices)
          + own_lines(runs.values()))
    for t, (key, name, rule) in enumerate(targets):
        marks = ""
        for s in slices:
            target = runs[s][4]["targets"][t] if s in runs else None
            marks += "." if target is None or math.isnan(target["model"]) else "+" if target["met"] else "-"
        line = f"  {name:20} {marks}"
        for scope, chosen in (("all", slices), ("untuned", untuned)):
            present = [runs[s] for s in chosen if s in runs]
            if not present:
                line += "  | no run"
                continue
            a = pooled(present, key, rule, 42 + t)
            counted[scope] += 1
            met[scope] += a[2]
            line += f"  | {'met ' if a[2] else 'MISS'} {a[0]:.3f} vs {a[1]:.3f} ({a[3]:.2f})"
        if "s100" in runs:
            counted["protocol"] += 1
            met["protocol"] += runs["s100"][4]["targets"][t]["met"]
        print(line)
print(f"targets met: protocol (s100) {met['protocol']}/{counted['protocol']}, pooled all slices "
      f"{met['all']}/{counted['all']}, pooled untuned slices {met['untuned']}/{counted['untuned']}")
if every:
    distinct2 = sum(r[4]["model"]["distinct2"] for r in every) / len(every)
    print(f"all {len(pairs)} pairs' test cases together ({sum(r[3] for r in every)} cases){own_lines(every)}; "
          f"distinct-2, mean over the {len(every)} runs, {distinct2:.2f}:")
    for t, (key, name, rule) in enumerate(targets):
        a = pooled(every, key, rule, 42 + t)
        print(f"  {name:20} {'met ' if a[2] else 'MISS'} {a[0]:.3f} vs {a[1]:.3f} ({a[3]:.2f})")
