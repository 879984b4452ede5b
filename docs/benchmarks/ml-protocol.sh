#!/bin/bash
# The quality loop of docs/BENCHMARKS-ml.md: `evaluate` on the 8 corpus/person pairs, one JSON each.
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
for P in "rick-and-morty.telegram.json Rick" "rick-and-morty.telegram.json Morty" \
         "star-wars-iv.whatsapp.txt Luke" "star-wars-iv.whatsapp.txt Han" "star-wars-v.whatsapp.txt Han" \
         "star-wars-v.whatsapp.txt Luke" "star-wars-vi.whatsapp.txt Han" "star-wars-vi.whatsapp.txt Luke"; do
  read -r f p <<< "$P"
  echo "$(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) $T $f $p" >> "$OUT/$T.log"
  java -jar "$J" evaluate --input "$D/$f" --person "$p" --seed 42 "$@" > "$OUT/$T-${f%%.*}-$p.json" 2>>"$OUT/$T.err"
done
echo "$(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) done" >> "$OUT/$T.log"
