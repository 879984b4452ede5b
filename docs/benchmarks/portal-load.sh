#!/usr/bin/env bash
# Issue 5's portal benchmark: USERS signed-in users browse the dashboard and their persona page and
# chat with their persona for SECONDS, against one node started like ./run.sh.
# Usage: docs/benchmarks/portal-load.sh [users=50] [seconds=120] [think_ms=1000]
# Needs a built tree (./run.sh once, or ./mvnw -B -DskipTests package). The node's data folder
# (target/bench-portal) is kept, so the set-up (users, one trained persona each) is paid once;
# delete it for a fresh start. Set-up trains each persona with a 1-minute budget.
set -euo pipefail
cd "$(dirname "$0")/../.."
users=${1:-50} seconds=${2:-120} think=${3:-1000}
port=${PERSONA_HTTP_PORT:-18080}
export DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_NUM_THREADS=1
export PERSONA_HTTP_PORT=$port PERSONA_CLUSTER_PORT=${PERSONA_CLUSTER_PORT:-17900}
export PERSONA_EMBEDDED_DB_PORT=${PERSONA_EMBEDDED_DB_PORT:-54398}
export PERSONA_DATA_DIR=${PERSONA_DATA_DIR:-$PWD/target/bench-portal}
export PERSONA_TRAINING_MINUTES=${PERSONA_TRAINING_MINUTES:-1}
# the set-up needs READY personas, not their held-out figures (the evaluation trains a second model)
export PERSONA_TRAINING_EVALUATE=${PERSONA_TRAINING_EVALUATE:-false}
mkdir -p "$PERSONA_DATA_DIR"
java -jar launcher/target/persona-studio-launcher.jar >"$PERSONA_DATA_DIR/node.log" 2>&1 &
node=$!
trap 'kill -TERM $node 2>/dev/null; wait $node 2>/dev/null || true' EXIT
until curl -fs -m 2 "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"UP"'; do
  sleep 0.5
  kill -0 $node 2>/dev/null || { echo "node died, see $PERSONA_DATA_DIR/node.log"; exit 1; }
done
echo "node ready on port $port; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java docs/benchmarks/PortalLoad.java "http://127.0.0.1:$port/" "$users" "$seconds" "$think"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
