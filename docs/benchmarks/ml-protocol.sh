#!/bin/bash
# The quality loop of docs/BENCHMARKS-ml.md: `evaluate` on the corpus/person pairs of $PAIRS (default
# docs/benchmarks/ml-pairs.txt; docs/benchmarks/ml-pairs-unseen.txt holds the speakers nothing was tuned on), one JSON each.
# A pair `evaluate` refuses (e.g. no held-out reply by the person) leaves no JSON; its message is in $OUT/TAG.err.
# usage: docs/benchmarks/ml-protocol.sh JAR TAG CORPUS_DIR [extra evaluate args...]
#   protocol:          docs/benchmarks/ml-protocol.sh ml-module/target/persona-ml.jar after ../shared/corpora
#   development split: docs/benchmarks/ml-protocol.sh JAR after-dev /tmp/dev --test-fraction 0.25 --generator off
#   (/tmp/dev = the first 80 % of each corpus, made by the snippet in "Style evidence and repeat penalty")
# Results: $OUT/TAG-<corpus>-<person>.json (OUT defaults to /tmp/ml-proto); table: docs/benchmarks/ml-table.py TAG
set -euo pipefail
J=$1; T=$2; D=$3; shift 3
OUT=${OUT:-/tmp/ml-proto}
export DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_NUM_THREADS=1
mkdir -p "$OUT"
HERE=$(cd "$(dirname "$0")" && pwd)
grep -v '^#' "${PAIRS:-$HERE/ml-pairs.txt}" | while read -r f p; do
  [ -n "$f" ] || continue
  echo "$(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) $T $f $p" >> "$OUT/$T.log"
  R="$OUT/$T-${f%%.*}-$p.json"
  java -jar "$J" evaluate --input "$D/$f" --person "$p" --seed 42 "$@" > "$R" 2>>"$OUT/$T.err" < /dev/null || rm -f "$R"
done
echo "$(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) done" >> "$OUT/$T.log"
