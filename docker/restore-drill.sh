#!/usr/bin/env bash
# The restore drill: restores a backup (persona-*.dump with its .json manifest, made by
# persona-backup) into an empty PostgreSQL, checks that every count the manifest holds matches
# (accounts, personas, models, tokens, messages, runs), starts a node on the restored database
# with the content keys, and asks one of the restored personas for a reply.
#   docker/restore-drill.sh BACKUP.dump CONTENT_KEYS_FILE EMAIL PASSWORD
# EMAIL/PASSWORD: an account in the backup that owns a READY persona (the reply check signs in
# as it). Runs on the host's network, on loopback ports DRILL_DB_PORT (15440) and DRILL_HTTP_PORT
# (18090); containers persona-drill-db and persona-drill-node are removed at the end.
# Exit status: 0 when the restore is complete and answers, 1 when a check fails, 2 on bad input.
set -euo pipefail
dump=$(realpath -m "${1:?usage: restore-drill.sh BACKUP.dump CONTENT_KEYS_FILE EMAIL PASSWORD}")
keys=$(realpath -m "${2:?usage: restore-drill.sh BACKUP.dump CONTENT_KEYS_FILE EMAIL PASSWORD}")
email=${3:?usage: restore-drill.sh BACKUP.dump CONTENT_KEYS_FILE EMAIL PASSWORD}
password=${4:?usage: restore-drill.sh BACKUP.dump CONTENT_KEYS_FILE EMAIL PASSWORD}
db_port=${DRILL_DB_PORT:-15440}
http_port=${DRILL_HTTP_PORT:-18090}
manifest=${dump%.dump}.json
say() { echo "restore drill: $*"; }
refuse() { echo "restore drill: $*" >&2; exit 2; }

[ -s "$dump" ] || refuse "backup $dump is missing or empty"
[ -s "$manifest" ] || refuse "the backup's manifest $manifest is missing: the counts cannot be checked"
[ -s "$keys" ] || refuse "content keys file $keys is missing or empty: without the keys the backup's chat content cannot be read (back them up apart from the database)"
need=$(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["counts"]["keyIds"]))' "$manifest")
have=$(tr ',' '\n' < "$keys" | cut -d: -f1 | tr -d ' ' | tr '\n' ' ')
for id in $need; do
  case " $have " in *" $id "*) ;; *) refuse "content key '$id' is not in $keys: the backup's messages sealed with it could not be read" ;; esac
done

cleanup() { docker rm -f persona-drill-node persona-drill-db >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
secret=$(openssl rand -hex 16)
say "empty PostgreSQL on 127.0.0.1:$db_port"
docker run -d --name persona-drill-db --network host -e POSTGRES_USER=persona -e POSTGRES_DB=persona \
  -e POSTGRES_PASSWORD="$secret" -e PGPORT="$db_port" persona-studio-postgres:latest \
  postgres -c listen_addresses=127.0.0.1 -p "$db_port" >/dev/null
for _ in $(seq 60); do
  docker exec persona-drill-db pg_isready -q -h 127.0.0.1 -p "$db_port" && break
  sleep 1
done
psql_drill() { docker exec -i persona-drill-db psql -X -At -v ON_ERROR_STOP=1 -h /var/run/postgresql -p "$db_port" -U persona -d persona "$@"; }
docker cp "$dump" persona-drill-db:/tmp/backup.dump
start=$(date +%s)
docker exec persona-drill-db pg_restore --exit-on-error --no-owner -h /var/run/postgresql -p "$db_port" -U persona -d persona /tmp/backup.dump
say "restored $(basename "$dump") in $(( $(date +%s) - start )) s"

failed=0
restored=$(psql_drill -c "SELECT json_build_object('accounts',(SELECT count(*) FROM account),'personas',(SELECT count(*) FROM persona),'models',(SELECT count(*) FROM model_version),'tokens',(SELECT count(*) FROM access_token),'messages',(SELECT count(*) FROM chat_message),'runs',(SELECT count(*) FROM training_run))")
python3 - "$manifest" "$restored" <<'PY' || failed=1
import json, sys
expected = json.load(open(sys.argv[1]))["counts"]
got = json.loads(sys.argv[2])
bad = [k for k in got if got[k] != expected.get(k)]
for k in got:
    print(f"restore drill:   {k:9} backup {expected.get(k)!s:>8}  restored {got[k]!s:>8}  {'ok' if k not in bad else 'MISMATCH'}")
sys.exit(1 if bad else 0)
PY

say "a node on the restored database (127.0.0.1:$http_port)"
docker run -d --name persona-drill-node --network host \
  -e PERSONA_DB_URL="jdbc:postgresql://127.0.0.1:$db_port/persona" -e PERSONA_DB_USER=persona \
  -e PERSONA_DB_PASSWORD="$secret" -e PERSONA_CONTENT_KEYS_FILE=/run/secrets/content_keys \
  -v "$keys":/run/secrets/content_keys:ro \
  -e PERSONA_BIND_ADDRESS=127.0.0.1 -e PERSONA_HTTP_PORT="$http_port" -e PERSONA_CLUSTER_PORT=18190 \
  -e PERSONA_CLUSTER_NAME=persona-drill -e PERSONA_TRAINING_WARM_UP_MESSAGES=0 \
  persona-studio:latest >/dev/null
base=http://127.0.0.1:$http_port
for _ in $(seq 360); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ] && break
  [ "$(docker inspect -f '{{.State.Running}}' persona-drill-node)" = true ] || { docker logs persona-drill-node | tail -5; break; }
  sleep 1
done
token=$(curl -s -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$base/api/v1/auth/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin).get("accessToken",""))' 2>/dev/null || true)
if [ -z "$token" ]; then
  say "FAILED: $email cannot sign in on the restored system"
  exit 1
fi
persona=$(curl -s -H "Authorization: Bearer $token" "$base/api/v1/personas" \
  | python3 -c 'import json,sys; print(next((p["id"] for p in json.load(sys.stdin) if p.get("status")=="READY"),""))')
reply=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"messages":["how was the movie yesterday?"]}' "$base/api/v1/personas/$persona/chat" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin).get("reply",""))' 2>/dev/null || true)
if [ -z "$persona" ] || [ -z "$reply" ]; then
  say "FAILED: no reply from a restored persona (${persona:-none READY})"
  exit 1
fi
say "persona $persona answers on the restored system: \"$reply\""
[ $failed -eq 0 ] && say "PASS" || say "FAILED: counts differ"
exit $failed
