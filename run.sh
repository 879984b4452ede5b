#!/usr/bin/env bash
# Runs Persona Studio on http://localhost:8080 (see README): builds what is needed, then starts
# embedded PostgreSQL (data in ./data, or PERSONA_DATA_DIR) unless PERSONA_DB_URL is set, and one
# Payara Micro node on loopback. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_NUM_THREADS=1

built=(launcher/target/persona-studio-launcher.jar web-module/target/persona-studio.war
  ml-module/target/persona-ml.jar)
stale=false
for artifact in "${built[@]}"; do
  [ -f "$artifact" ] || stale=true
done
# Rebuild only when a source or pom changed since the last build (the first run builds, which
# takes minutes on a fresh machine while Maven fetches its dependencies).
if ! $stale && [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name 'pom.xml' \
  -o -path '*/src/main/*' \) -type f -newer "${built[1]}" -print -quit)" ]; then
  stale=true
fi
if $stale; then
  ./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true package
fi
exec java -jar launcher/target/persona-studio-launcher.jar
