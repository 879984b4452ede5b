#!/usr/bin/env bash
# Pipeline overhead: upload → READY through the REST API against the CLI's `train` for the same
# generated 10k-message chat and seed; then the work an interrupted training loses.
# Usage: docs/benchmarks/pipeline.sh [rounds]   (needs a built tree: ./mvnw -B -DskipTests package;
# 0 rounds runs only the interruption part)
# Each round times the CLI (JVM start to model file), then the node (multipart POST of the chat to
# the persona's status READY, polled every 200 ms), waits for the run's evaluation to end so it never
# overlaps the next measurement, and prints the load average. The last part kills the training
# worker once a checkpoint is stored and reports the steps trained again after the restart.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
port=${PERSONA_HTTP_PORT:-18581}
export DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_NUM_THREADS=1
# ports of its own: another benchmark's database on a shared port would be migrated by this node
export PERSONA_HTTP_PORT=$port PERSONA_CLUSTER_PORT=${PERSONA_CLUSTER_PORT:-17981}
export PERSONA_EMBEDDED_DB_PORT=${PERSONA_EMBEDDED_DB_PORT:-54481}
work=$(mktemp -d)
cp ml-module/target/persona-ml.jar "$work/persona-ml.jar" # a concurrent build may rewrite it
jar=$work/persona-ml.jar
export PERSONA_DATA_DIR=$work/node PERSONA_ML_WORKER_JAR=$jar
base=http://127.0.0.1:$port
chat=$work/gen10k.json
java -jar "$jar" generate --format telegram --messages 10000 --seed 1 --out "$chat" >/dev/null

java -jar "${PERSONA_LAUNCHER_JAR:-launcher/target/persona-studio-launcher.jar}" >"$work/node.log" 2>&1 &
node=$!
trap 'kill -TERM $node 2>/dev/null; wait $node 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -fs -m 2 "$base/health/ready" 2>/dev/null | grep -q '"UP"'; do
  sleep 0.5
  kill -0 $node 2>/dev/null || { tail -30 "$work/node.log"; exit 1; }
done

field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }
email=bench-$(date +%s%N)@example.org
curl -fs -H 'Content-Type: application/json' -o /dev/null "$base/api/v1/accounts" \
  -d "{\"email\":\"$email\",\"displayName\":\"Bench\",\"password\":\"violet-Sky-42\"}"
token=$(curl -fs -H 'Content-Type: application/json' "$base/api/v1/auth/token" \
  -d "{\"email\":\"$email\",\"password\":\"violet-Sky-42\"}" | field accessToken)
api() { curl -fs -H "Authorization: Bearer $token" "$@"; }
upload() { # name → "personaId runId"
  local created
  created=$(api -F "name=$1" -F person=Alice -F consent=true -F scrub=false -F seed=42 -F "file=@$chat" \
    "$base/api/v1/personas")
  echo "$(echo "$created" | field id) $(echo "$created" | field trainingRun)"
}
run_field() { api "$base/api/v1/runs/$1" | field "$2"; }
await_job_end() { # the evaluation runs after READY; let it finish before the next measurement
  until [ "$(run_field "$1" phase)" = DONE ] || [ "$(run_field "$1" status)" = FAILED ]; do sleep 1; done
}

timeline() { # run posted ready start → the upload's seconds, phase by phase (RunTimeline.java)
  java -cp "$runtime/postgresql.jar" docs/benchmarks/RunTimeline.java \
    "jdbc:postgresql://127.0.0.1:$PERSONA_EMBEDDED_DB_PORT/persona" "$@"
}
runtime=${PERSONA_RUNTIME_DIR:-launcher/target/runtime}
timelines=()
first_progress() { # stamps the first progress line of a worker's stderr, drains the rest
  local line
  while IFS= read -r line; do
    case $line in *'"progress"'*) date +%s.%N; break ;; esac
  done
  cat >/dev/null
}

printf 'round\tCLI train s\tupload→READY s\tratio\tload (1/5 min) at end\n'
for i in $(seq 1 "$rounds"); do
  t0=$(date +%s.%N)
  # stderr's first progress line is stamped: the CLI's own start (JVM, parse, set-up) to compare
  java -jar "$jar" train --input "$chat" --person Alice --out "$work/cli.psml" --seed 42 \
    --progress-json 2> >(first_progress >"$work/cli.first") >/dev/null
  t1=$(date +%s.%N)
  cli=$(echo "$t1 - $t0" | bc)
  cli_start=$(echo "$(cat "$work/cli.first") - $t0" | bc)
  t0=$(date +%s.%N)
  read -r persona run <<<"$(upload "bench $i")"
  posted=$(date +%s.%N)
  while :; do
    status=$(api "$base/api/v1/personas/$persona" | field status)
    [ "$status" = READY ] && break
    [ "$status" = FAILED ] && { echo "run failed: $(run_field "$run" failureReason)"; exit 1; }
    sleep 0.2
  done
  t1=$(date +%s.%N)
  pipeline=$(echo "$t1 - $t0" | bc)
  printf '%s\t%.1f\t%.1f\t%.2f\t%s\n' "$i" "$cli" "$pipeline" "$(echo "$pipeline / $cli" | bc -l)" \
    "$(cut -d' ' -f1,2 /proc/loadavg)"
  timelines+=("$i	$(printf '%.2f' "$cli_start")	$(timeline "$run" "$posted" "$t1" "$t0")")
  await_job_end "$run"
done
if [ "$rounds" -gt 0 ]; then
  printf '\nround\tCLI start→1st progress\tPOST+checks\tqueue→job\timport\texport+worker→1st progress\ttraining\tpublish\tREADY seen\n'
  printf '%s\n' "${timelines[@]}"
fi

# Work lost by an interruption: kill the worker once a checkpoint is stored, watch where it resumes.
# The worker is `java … -jar persona-ml.jar train --input <data>/work/<run>/chat.json …`; the run's
# step on the API lags the worker by its stderr pipe, so the kill's step is read once the node has
# drained the dead worker's last lines, and the resume point is the lowest step the new worker reports.
worker_of() { pgrep -f -- "persona-ml\.jar train --input [^ ]*/$1/" || true; }
read -r persona run <<<"$(upload "interrupted")"
until [ "$(run_field "$run" phase)" = TRAIN ] && [ "$(run_field "$run" step)" -ge 500 ]; do sleep 0.1; done
pid=$(worker_of "$run")
if [ -z "$pid" ] || [ "$(echo "$pid" | wc -l)" -ne 1 ]; then
  echo "no single training worker of run $run to kill (found: '${pid}'); workers running:" >&2
  ps -eo pid,args | grep '[p]ersona-ml' >&2 || true
  exit 1
fi
kill -KILL "$pid"
t0=$(date +%s.%N)
while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
sleep 1 # the node reads the dead worker's last progress lines
before=$(run_field "$run" step)
low=$before
until [ "$(run_field "$run" status)" != RUNNING ]; do
  next=$(worker_of "$run")
  step=$(run_field "$run" step)
  if [ -n "$next" ] && [ "$next" != "$pid" ]; then
    [ "$step" -lt "$low" ] && low=$step
    [ "$step" -gt "$before" ] && break
  fi
  sleep 0.1
done
[ "$(run_field "$run" status)" = RUNNING ] || { echo "run ended without resuming: $(run_field "$run" status)" >&2; exit 1; }
printf 'worker %s killed at step %s; resumed at step %s; steps trained again: %s; back past the kill after %.1f s; load %s\n' \
  "$pid" "$before" "$low" "$((before - low))" "$(echo "$(date +%s.%N) - $t0" | bc)" "$(cut -d' ' -f1,2 /proc/loadavg)"
await_job_end "$run"
echo "interrupted run: status $(run_field "$run" status), $(run_field "$run" step) of $(run_field "$run" totalSteps) steps"
