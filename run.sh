#!/usr/bin/env bash
# Runs Persona Studio on http://localhost:8080 (see README): builds what is needed, then starts
# embedded PostgreSQL (data in ./data, or PERSONA_DATA_DIR) unless PERSONA_DB_URL is set, and one
# Payara Micro node on loopback. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_NUM_THREADS=1
./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true package
exec java -jar launcher/target/persona-studio-launcher.jar
