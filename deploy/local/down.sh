#!/usr/bin/env bash
# Stops the local stack: the services first, then Kafka, then PostgreSQL (a clean shutdown: the data is kept).
set -euo pipefail

# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICE_TIMEOUT="${CONVENE_STOP_TIMEOUT:-50}"
take_stack_lock down.sh
STARTED_AT="$(now)"
echo "Stopping the local stack"

# services: ask all of them at once, then wait for each (once they have written the class-data archives up.sh asked for)
await_recordings 240
since="$(now)"
stopping=""
for entry in $SERVICES; do
  svc="${entry%%:*}"
  if pid="$(running_pid "$svc" "$(service_marker "$svc")")"; then
    kill -TERM "$pid" 2>/dev/null || true
    stopping="$stopping $svc:$pid"
  else
    rm -f "$(pid_file "$svc")"
  fi
done
for entry in $stopping; do
  svc="${entry%%:*}"
  # A service's first start on a build records its class-data archive, written while it stops: give it the time.
  await_stop "$svc" "${entry#*:}" "$(stop_timeout "$svc" "$SERVICE_TIMEOUT")" "$since"
  rm -f "$RUN_DIR/$svc.recording"
done

stop_process mailbox "$MAILBOX_MARKER" 20
stop_process kafka "$KAFKA_MARKER" "$(stop_timeout kafka 60)"
rm -f "$RUN_DIR/kafka.recording"
stop_process postgres "$PG_MARKER" 60

# A PostgreSQL whose launcher was killed with SIGKILL keeps running on its own: stop it with a fast shutdown.
if [ -f "$PG_DATA_DIR/postmaster.pid" ]; then
  pg_server="$(head -n 1 "$PG_DATA_DIR/postmaster.pid" | tr -dc '0-9')"
  if pid_matches "$pg_server" postgres; then
    echo "  stopping PostgreSQL server pid $pg_server left without its launcher"
    kill -INT "$pg_server" 2>/dev/null || true
    waited=0
    while pid_alive "$pg_server" && [ "$waited" -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
    if pid_alive "$pg_server"; then
      kill -QUIT "$pg_server" 2>/dev/null || true
      sleep 2
    fi
  fi
fi

rm -f "$RUN_DIR"/*.pid "$RUN_DIR/wait-report.txt"
echo "Stopped in $(elapsed_since "$STARTED_AT") s (data kept in ${DATA_DIR#"$REPO"/})"
