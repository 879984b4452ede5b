#!/usr/bin/env bash
# The cluster's chaos test, rerunnable by anyone with Docker: builds the images, starts three nodes,
# PostgreSQL, HAProxy and the backup service (the host-network variant of compose.yml, all on
# loopback) with the fake Telegram Bot API, runs docker/chaos/Chaos.java (load plus faults; see
# its Javadoc), then the restore drill on a backup taken under that load. Exit status 0 only if
# both pass. Figures go to stdout and to $CHAOS_RESULTS (target/chaos/results.txt).
#   docker/chaos.sh            # base images: stand-ins from Debian packages (docker/local-images.sh)
#   CHAOS_BASE=official docker/chaos.sh    # base images from Docker Hub
# Needs the built tree (./mvnw -DskipTests package), docker, docker-compose, python3-yaml.
# Leaves nothing running: the stack (project persona-chaos) and the fake are removed at exit,
# unless CHAOS_KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_NUM_THREADS=1
project=persona-chaos
out=target/chaos
mkdir -p "$out"
compose_file=docker/compose.chaos.generated.yml
results=${CHAOS_RESULTS:-$out/results.txt}
fake_port=18099
token=123456:CHAOS
compose() { docker-compose -p "$project" -f "$compose_file" "$@"; }

cleanup() {
  status=$?
  if [ -z "${CHAOS_KEEP:-}" ]; then
    if [ -f "$compose_file" ]; then
      compose logs --no-color > "$out/stack.log" 2>&1 || true
      compose down -v --remove-orphans >/dev/null 2>&1 || true
    fi
    [ -f "$out/fake.pid" ] && kill "$(cat "$out/fake.pid")" 2>/dev/null || true
    rm -f "$out/fake.pid"
  fi
  exit $status
}
trap cleanup EXIT

if [ "${CHAOS_BASE:-local}" = local ]; then
  eval "export $(docker/local-images.sh)"
fi
docker/build-images.sh
docker/make-secrets.sh >/dev/null

# a clustered node without its shared keys must stop at once with one line naming the variable
refusal=$(docker run --rm --network host -e PERSONA_CLUSTER_MEMBERS=127.0.0.1:18300,127.0.0.1:18310 \
  -e PERSONA_DB_URL=jdbc:postgresql://127.0.0.1:1/none persona-studio:latest 2>&1) && refused=0 || refused=$?
if [ "$refused" -ne 2 ] || [ "$(echo "$refusal" | wc -l)" -ne 1 ] || ! grep -q PERSONA_CONTENT_KEYS <<<"$refusal"; then
  echo "chaos: FAILED: a node without PERSONA_CONTENT_KEYS did not stop with one line naming it (exit $refused): $refusal"
  exit 1
fi
echo "chaos: a clustered node without its keys stops (exit 2): $refusal"

# the fake Bot API runs on the host, on loopback, as Telegram would outside the cluster
if [ ! -s bot-module/target/chaos-classpath.txt ]; then
  ./mvnw -B -q -ntp -pl bot-module org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/chaos-classpath.txt >/dev/null
fi
java -cp "bot-module/target/classes:$(cat bot-module/target/chaos-classpath.txt)" \
  io.personastudio.bot.fake.FakeTelegramMain "$fake_port" "$token" > "$out/fake.log" 2>&1 &
echo $! > "$out/fake.pid"

# a Python with PyYAML: the one on PATH, or Debian's (python3-yaml) when PATH has another
python=$(for p in python3 /usr/bin/python3; do "$p" -c 'import yaml' 2>/dev/null && echo "$p" && break; done)
[ -n "$python" ] || { echo "chaos: no Python with PyYAML (apt-get install python3-yaml)"; exit 1; }
"$python" docker/render-compose.py --host \
  --set PERSONA_TELEGRAM_TOKEN="$token" \
  --set PERSONA_TELEGRAM_API_URL="http://127.0.0.1:$fake_port" \
  --set PERSONA_TRAINING_SILENT_SECONDS=30 \
  --set PERSONA_JAVA_OPTS="-Xmx768m -XX:+ExitOnOutOfMemoryError" \
  --set PERSONA_ML_WORKER_HEAP=768m > "$compose_file"
export BACKUP_INTERVAL_SECONDS=45 BACKUP_KEEP=20
compose down -v --remove-orphans >/dev/null 2>&1 || true
start=$(date +%s)
compose up -d 2>&1 | grep -v -e '^Creating' -e '^$' || true
echo "chaos: stack up, three nodes ready behind the load balancer, in $(( $(date +%s) - start )) s"

status=0
CHAOS_LB=http://127.0.0.1:18080/ CHAOS_FAKE="http://127.0.0.1:$fake_port/" \
CHAOS_LB_STATS='http://127.0.0.1:18404/stats;csv' \
CHAOS_DB_CONTAINER=${project}_db_1 CHAOS_DB_PORT=15432 \
CHAOS_NODES="${project}_node1_1=18081 ${project}_node2_1=18082 ${project}_node3_1=18083" \
  java docker/chaos/Chaos.java "$results" || status=$?

# the restore drill, from the newest backup the service took under the load
rm -rf "$out/backup" && mkdir -p "$out/backup"
docker cp "${project}_backup_1:/backups/." "$out/backup/"
newest=$(ls -1 "$out"/backup/persona-*.dump 2>/dev/null | sort | tail -1 || true)
compose logs --no-color backup 2>/dev/null | grep -c ": ok:" | xargs -I{} echo "chaos: {} backups taken during the run"
if [ -z "$newest" ]; then
  echo "chaos: FAILED: the backup service took no backup" | tee -a "$results"
  exit 1
fi
user=$(grep -o 'chaos-1-[a-z0-9]*@chaos.invalid' "$results" | head -1 || true)
[ -n "$user" ] || user=$(docker exec "${project}_db_1" psql -X -At -h /var/run/postgresql -p 15432 -U persona -d persona \
  -c "SELECT email FROM account WHERE email LIKE 'chaos-1-%' ORDER BY created_at DESC LIMIT 1")
drill=0
docker/restore-drill.sh "$newest" docker/secrets/content_keys "$user" 'Chaos-password-2026!' 2>&1 | tee "$out/drill.txt" || drill=$?
cat "$out/drill.txt" >> "$results"
if [ $status -ne 0 ] || [ $drill -ne 0 ]; then
  echo "chaos: FAILED (chaos $status, restore drill $drill); figures in $results"
  exit 1
fi
echo "chaos: PASSED; figures in $results"
