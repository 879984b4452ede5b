#!/bin/bash
# The quality loop of docs/benchmarks/ml-protocol.sh on three disjoint, later-than-training test slices of each
# corpus, so a pair's verdict rests on about three times the protocol's test cases:
#   s60  = train on the first 40 % of the chat, test on 40-60 %  (first 60 % of the corpus, --test-fraction 0.3333)
#   s80  = train on the first 60 %, test on 60-80 %  (the development split every tuning in BENCHMARKS-ml.md used)
#   s100 = train on the first 80 %, test on 80-100 % (the protocol itself)
# usage: [PAIRS=FILE] docs/benchmarks/ml-slices.sh JAR TAG CORPUS_DIR [extra evaluate args...]; table: [PAIRS=FILE] docs/benchmarks/ml-slices-table.py TAG
# PAIRS: the corpus/person pairs (default docs/benchmarks/ml-pairs.txt; ml-pairs-unseen.txt: the speakers nothing was tuned on)
# The cut corpora go to $SLICES/TAG (SLICES defaults to /tmp/ml-slices); Telegram is cut in its `messages` array, WhatsApp by line.
set -euo pipefail
J=$1; T=$2; C=$3; shift 3
SLICES=${SLICES:-/tmp/ml-slices}/$T
HERE=$(cd "$(dirname "$0")" && pwd)
for P in 60 80; do
  mkdir -p "$SLICES/p$P"
  python3 - "$C" "$SLICES/p$P" "$P" <<'PY'
import json, sys
src, dst, pct = sys.argv[1] + "/", sys.argv[2] + "/", int(sys.argv[3]) / 100
j = json.load(open(src + "rick-and-morty.telegram.json", encoding="utf-8"))
j["messages"] = j["messages"][:int(len(j["messages"]) * pct)]
json.dump(j, open(dst + "rick-and-morty.telegram.json", "w", encoding="utf-8"), ensure_ascii=False)
for f in ["star-wars-iv.whatsapp.txt", "star-wars-v.whatsapp.txt", "star-wars-vi.whatsapp.txt"]:
    lines = open(src + f, encoding="utf-8").read().split("\n")
    open(dst + f, "w", encoding="utf-8").write("\n".join(lines[:int(len(lines) * pct)]) + "\n")
PY
done
"$HERE/ml-protocol.sh" "$J" "$T-s60" "$SLICES/p60" --test-fraction 0.3333 "$@"
"$HERE/ml-protocol.sh" "$J" "$T-s80" "$SLICES/p80" --test-fraction 0.25 "$@"
"$HERE/ml-protocol.sh" "$J" "$T-s100" "$C" --test-fraction 0.2 "$@"
