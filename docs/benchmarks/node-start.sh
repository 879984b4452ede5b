#!/usr/bin/env bash
# Cold start to ready and memory of one node. Usage: docs/benchmarks/node-start.sh [runs]
# Needs a built tree (./run.sh or ./mvnw -DskipTests package). Each run starts the launcher with a
# fresh embedded PostgreSQL data folder (first start: initdb included) and a warm one (restart),
# times from process start until /health/ready answers UP, then reads the resident memory (RSS)
# of the Payara Micro JVM and of all PostgreSQL processes.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
port=${PERSONA_HTTP_PORT:-18080}
export DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_NUM_THREADS=1
export PERSONA_HTTP_PORT=$port PERSONA_CLUSTER_PORT=17900 PERSONA_EMBEDDED_DB_PORT=54399
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

one_start() { # label
  local t0 t1 pid rss_node rss_pg
  t0=$(date +%s.%N)
  PERSONA_DATA_DIR="$data" java -jar launcher/target/persona-studio-launcher.jar >"$data/node.log" 2>&1 &
  pid=$!
  until curl -fs -m 2 "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"UP"'; do
    sleep 0.25
    kill -0 $pid 2>/dev/null || { echo "node died, see $data/node.log"; tail -20 "$data/node.log"; exit 1; }
  done
  t1=$(date +%s.%N)
  sleep 5 # let start-up garbage settle before reading memory
  rss_node=$(ps -o rss= -p "$(pgrep -f "payara-micro.jar.*--port $port")" | awk '{s+=$1} END {print int(s/1024)}')
  local pm
  pm=$(pgrep -f "postgres -D $data/postgres" | head -1)
  rss_pg=$( (ps -o rss= -p "$pm"; ps -o rss= --ppid "$pm") | awk '{s+=$1} END {print int(s/1024)}')
  printf '%s\t%.1f s to ready\tnode RSS %s MB\tPostgreSQL RSS %s MB\n' "$1" "$(echo "$t1 - $t0" | bc)" "$rss_node" "$rss_pg"
  kill -TERM $pid; wait $pid 2>/dev/null || true
}

for i in $(seq 1 "$runs"); do
  rm -rf "${data:?}"/*
  one_start "run $i, fresh data"
  one_start "run $i, restart  "
done
