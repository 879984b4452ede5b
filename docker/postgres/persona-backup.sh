#!/usr/bin/env bash
# Backups of the Persona Studio database: `persona-backup once` takes one, `persona-backup loop`
# one every BACKUP_INTERVAL_SECONDS, keeping the newest BACKUP_KEEP. Each backup is a pg_dump
# custom-format file and a manifest holding the row counts and content key ids of the very same
# snapshot (the restore drill checks a restore against them). A failed backup is logged with its
# exit status and leaves no file behind; `once` then exits non-zero, `loop` marks the service
# unhealthy (its health check reads last-status) and tries again at the next interval.
# Content keys are NOT in the backup: without them the chat content cannot be read, by design.
# Connection: PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD or PGPASSWORD_FILE.
set -uo pipefail
dir=${BACKUP_DIR:-/backups}
interval=${BACKUP_INTERVAL_SECONDS:-3600}
keep=${BACKUP_KEEP:-48}
if [ -n "${PGPASSWORD_FILE:-}" ]; then
  PGPASSWORD=$(cat "$PGPASSWORD_FILE") || { echo "backup: PGPASSWORD_FILE unreadable" >&2; exit 2; }
  export PGPASSWORD
fi

log() { echo "backup $(date -u +%FT%TZ): $*"; }

counts_sql="SELECT json_build_object(
  'accounts', (SELECT count(*) FROM account),
  'personas', (SELECT count(*) FROM persona),
  'models', (SELECT count(*) FROM model_version),
  'tokens', (SELECT count(*) FROM access_token),
  'messages', (SELECT count(*) FROM chat_message),
  'runs', (SELECT count(*) FROM training_run),
  'keyIds', (SELECT coalesce(json_agg(DISTINCT key_id), '[]'::json) FROM chat_message))"

backup_once() {
  mkdir -p "$dir" || return 1
  local name tmp status snapshot counts
  name=persona-$(date -u +%Y%m%dT%H%M%SZ)
  tmp="$dir/.$name.partial"
  # one read-only transaction exports its snapshot to pg_dump and counts rows in the same snapshot
  coproc SNAP { psql -X -q -At -v ON_ERROR_STOP=1 2>&1; }
  echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${SNAP[1]}"
  if ! read -r -t 30 snapshot <&"${SNAP[0]}" || [[ ! $snapshot =~ ^[0-9A-F-]+$ ]]; then
    log "FAILED: cannot open a snapshot of $PGDATABASE at ${PGHOST:-local}:${PGPORT:-5432}: ${snapshot:-no answer}"
    kill "$SNAP_PID" 2>/dev/null
    return 1
  fi
  pg_dump -Fc --snapshot="$snapshot" -f "$tmp"
  status=$?
  if [ $status -eq 0 ]; then
    echo "$counts_sql;" >&"${SNAP[1]}"
    read -r -t 300 counts <&"${SNAP[0]}" || counts=""
  fi
  echo "COMMIT;" >&"${SNAP[1]}"
  eval "exec ${SNAP[1]}>&-"
  wait "$SNAP_PID" 2>/dev/null
  if [ $status -ne 0 ]; then
    rm -f "$tmp"
    log "FAILED: pg_dump exit status $status"
    return 1
  fi
  if [[ ! $counts == \{* ]]; then
    rm -f "$tmp"
    log "FAILED: counting the snapshot's rows failed (is the schema there?): ${counts:-no answer}"
    return 1
  fi
  printf '{"file":"%s.dump","takenAt":"%s","database":"%s","counts":%s}\n' \
    "$name" "$(date -u +%FT%TZ)" "$PGDATABASE" "$counts" > "$dir/$name.json"
  mv "$tmp" "$dir/$name.dump"
  log "ok: $name.dump ($(stat -c %s "$dir/$name.dump") bytes) $counts"
  # retention: the newest $keep backups stay
  ls -1 "$dir"/persona-*.dump 2>/dev/null | sort -r | tail -n +$((keep + 1)) | while read -r old; do
    rm -f "$old" "${old%.dump}.json"
    log "removed $(basename "$old") (keeping $keep)"
  done
}

case "${1:-once}" in
  once)
    backup_once
    ;;
  loop)
    log "every $interval s into $dir, keeping $keep"
    while true; do
      if backup_once; then echo "ok $(date +%s)" > "$dir/.last-status"; else echo "failed $(date +%s)" > "$dir/.last-status"; fi
      sleep "$interval" & wait $!
    done
    ;;
  healthy)
    # healthy when the last backup succeeded and is not older than two intervals
    read -r state at < "$dir/.last-status" 2>/dev/null || exit 1
    [ "$state" = ok ] && [ $(( $(date +%s) - at )) -le $(( 2 * interval + 60 )) ]
    ;;
  *)
    echo "usage: persona-backup once|loop|healthy" >&2
    exit 2
    ;;
esac
