#!/usr/bin/env bash
# Shows which parts of the local stack are running.
set -euo pipefail

# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

line() { # name marker port address
  local pid state
  if pid="$(running_pid "$1" "$2")"; then
    if port_open "$3"; then state="running"; else state="starting"; fi
    printf '%-22s %-9s pid %-7s %-28s rss %s MB\n' "$1" "$state" "$pid" "$4" \
      "$(ps -o rss= -p "$pid" | awk '{ printf "%d", $1 / 1024 }')"
  else
    printf '%-22s %-9s\n' "$1" "stopped"
  fi
}

line postgres "$PG_MARKER" "$PG_PORT" "localhost:$PG_PORT"
line kafka "$KAFKA_MARKER" "$KAFKA_PORT" "localhost:$KAFKA_PORT"
for entry in $SERVICES; do
  svc="${entry%%:*}"; rest="${entry#*:}"; port="$(service_port "${rest#*:}" "${rest%%:*}")"
  line "$svc" "$(service_marker "$svc")" "$port" "http://localhost:$port"
done
