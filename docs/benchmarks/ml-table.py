#!/usr/bin/env python3
"""Table of one docs/benchmarks/ml-protocol.sh run: model (baseline) per pair, * = the issue's target met.

usage: [PAIRS=FILE] docs/benchmarks/ml-table.py TAG [OUT_DIR]   (OUT_DIR defaults to /tmp/ml-proto; PAIRS to
docs/benchmarks/ml-pairs.txt)
Columns: Hits@1/20 style and relevance, style fidelity / its ceiling [in-sample ceiling], unigram F1, distinct-2,
empty replies; then each target's bootstrap support (share of 2,000 paired resamples in which it holds).
"""
import json
import os
import sys

import ml_pairs

tag = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/ml-proto"
pairs = ml_pairs.pairs()
print(f"{'pair':22} n  | hits style (b) | hits rel. (b)  | fidelity (b) / ceiling [in sample] | F1 (b)         | d2   | support")
sums = [0.0] * 6
found = 0
for pair in pairs:
    path = f"{out}/{tag}-{pair}.json"
    if not os.path.exists(path):
        print(f"{pair:22} no result (evaluate refused it: see the run's .err file)")
        continue
    found += 1
    j = json.load(open(path))
    m, b, c = j["model"], j["baseline"], j["styleCeiling"]
    met = {t["target"].split(" ")[0]: t for t in j.get("targets", [])}
    star = lambda k: "*" if met.get(k, {}).get("met") else " "
    support = " ".join(f"{t['bootstrapSupport']:.2f}" for t in j.get("targets", []))
    print(f"{pair:22} {j['testCases']:2} | {m['hits1of20Style']:.3f}{star('hits1of20Style')}({b['hits1of20Style']:.3f}) "
          f"| {m['hits1of20Relevance']:.3f}{star('hits1of20Relevance')}({b['hits1of20Relevance']:.3f}) "
          f"| {m['styleFidelity']:.2f}{star('styleFidelity')}({b['styleFidelity']:.2f}) / {c:.2f} [{j.get('styleCeilingInSample', float('nan')):.2f}] "
          f"| {m['unigramF1']:.3f}{star('unigramF1')}({b['unigramF1']:.3f}) | {m['distinct2']:.2f} e{m['emptyReplies']} | {support}")
    for i, k in enumerate(["hits1of20Style", "hits1of20Relevance", "styleFidelity", "unigramF1", "distinct2"]):
        sums[i] += m[k]
    sums[5] += m["styleFidelity"] / c if c > 0 else 0
print(f"means over {found}: " + "hits style %.3f, relevance %.3f, fidelity %.3f, F1 %.3f, distinct-2 %.3f, "
      "fidelity/ceiling %.3f" % tuple(x / max(found, 1) for x in sums))
