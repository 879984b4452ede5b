#!/usr/bin/env python3
"""Pooled verdicts of one docs/benchmarks/ml-slices.sh run: the issue's four quality targets per pair, on each
time slice and on the slices' test cases pooled, with the support of 2,000 paired bootstrap resamples drawn
within each slice (as `evaluate` draws them within its one test set).

usage: docs/benchmarks/ml-slices-table.py TAG [OUT_DIR]   (OUT_DIR defaults to /tmp/ml-proto)
Per target: the three slices' verdicts (s60 s80 s100: + met, - missed, . no figure), then pooled over all three
slices and pooled over the two never used to tune anything (s60 and s100): model vs bar (support).
Pooled fidelity is compared with 0.9 x the slices' ceilings weighted by their test cases.
"""
import json
import math
import os
import random
import sys

tag = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/ml-proto"
slices = ["s60", "s80", "s100"]
untuned = ["s60", "s100"]
pairs = ["rick-and-morty-Rick", "rick-and-morty-Morty", "star-wars-iv-Luke", "star-wars-iv-Han",
         "star-wars-v-Han", "star-wars-v-Luke", "star-wars-vi-Han", "star-wars-vi-Luke"]
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


def pooled(runs, key, rule, seed):
    """runs: list of (model cases, baseline cases, ceiling, n). Returns model, bar, met, support."""
    model = [x for r in runs for x in r[0][key]]
    base = [x for r in runs for x in r[1][key]]
    n = sum(r[3] for r in runs)
    ceiling = sum(r[2] * r[3] for r in runs) / n
    m, b = mean(model), mean(base)
    rnd = random.Random(seed)
    usable = held = 0
    for _ in range(RESAMPLES):
        rm, rb = [], []
        for r in runs:
            k = r[3]
            for _ in range(k):
                i = rnd.randrange(k)
                rm.append(r[0][key][i])
                rb.append(r[1][key][i])
        mm = mean(rm)
        if math.isnan(mm):
            continue
        usable += 1
        held += holds(rule, mm, mean(rb), ceiling)
    return m, bar(rule, b, ceiling), holds(rule, m, b, ceiling), held / usable if usable else float("nan")


print(f"{tag}: targets per pair; slices s60 s80 s100 (+ met, - missed); pooled all | pooled untuned (s60+s100)")
met_all = met_untuned = met_protocol = total = 0
for pair in pairs:
    runs = {}
    for s in slices:
        path = f"{out}/{tag}-{s}-{pair}.json"
        if os.path.exists(path):
            j = json.load(open(path))
            runs[s] = (j["cases"]["model"], j["cases"]["baseline"], j["styleCeiling"], j["testCases"], j)
    if len(runs) < len(slices):
        print(f"{pair}: missing slices {[s for s in slices if s not in runs]}")
        continue
    print(f"{pair}: cases " + " ".join(f"{s} {runs[s][3]}" for s in slices))
    for t, (key, name, rule) in enumerate(targets):
        marks = ""
        for s in slices:
            target = runs[s][4]["targets"][t]
            marks += "." if math.isnan(target["model"]) else "+" if target["met"] else "-"
        a = pooled([runs[s] for s in slices], key, rule, 42 + t)
        u = pooled([runs[s] for s in untuned], key, rule, 42 + t)
        total += 1
        met_all += a[2]
        met_untuned += u[2]
        met_protocol += runs["s100"][4]["targets"][t]["met"]
        print(f"  {name:20} {marks}  | {'met ' if a[2] else 'MISS'} {a[0]:.3f} vs {a[1]:.3f} ({a[3]:.2f})"
              f"  | {'met ' if u[2] else 'MISS'} {u[0]:.3f} vs {u[1]:.3f} ({u[3]:.2f})")
print(f"targets met: protocol (s100) {met_protocol}/{total}, pooled all slices {met_all}/{total}, "
      f"pooled untuned slices {met_untuned}/{total}")
