#!/usr/bin/env bash
# Shows which parts of the local stack are running, and whether each one actually serves.
#   running     the process lives and answers (a service: GET /q/health/ready on its management port is 200)
#   starting    the process lives but does not answer yet
#   stopping    a service that was sent SIGTERM and is shutting down (up.sh waits for it to exit, then starts it)
#   not ready   a service that answers but reports itself not ready (e.g. its database is down)
#   restarting  the PostgreSQL launcher lives but its server has died; the launcher is starting it again
#   orphaned    a PostgreSQL server whose launcher is gone (up.sh replaces it)
#   stopped     no process
set -euo pipefail

# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

rss_mb() { ps -o rss= -p "$1" 2>/dev/null | awk '{ printf "%d", $1 / 1024 }'; }

print_line() { # name state pid address
  if [ -n "$3" ]; then
    printf '%-22s %-10s pid %-7s %-28s rss %s MB\n' "$1" "$2" "$3" "$4" "$(rss_mb "$3")"
  else
    printf '%-22s %-10s\n' "$1" "$2"
  fi
}

http_status() { # url -> HTTP status, or 000
  if command -v curl > /dev/null 2>&1; then
    curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" 2>/dev/null || echo 000
  else
    echo 200 # cannot tell without curl: an open port is all we know
  fi
}

# PostgreSQL is two processes: the launcher (a JVM) and the server it started
pg_launcher="$(running_pid postgres "$PG_MARKER" || true)"
pg_server="$(pg_server_pid || true)"
if [ -n "$pg_launcher" ]; then
  if [ -n "$pg_server" ] && port_open "$PG_PORT"; then
    state=running
  elif grep -qF "$PG_READY_MARKER" "$LOG_DIR/postgres.log" 2>/dev/null; then
    state=restarting
  else
    state=starting
  fi
  print_line postgres "$state" "$pg_launcher" "localhost:$PG_PORT${pg_server:+ (server pid $pg_server)}"
elif [ -n "$pg_server" ]; then
  print_line postgres orphaned "$pg_server" "localhost:$PG_PORT (server without launcher)"
else
  print_line postgres stopped "" ""
fi

if pid="$(running_pid kafka "$KAFKA_MARKER")"; then
  if port_open "$KAFKA_PORT"; then state=running; else state=starting; fi
  print_line kafka "$state" "$pid" "localhost:$KAFKA_PORT"
else
  print_line kafka stopped "" ""
fi

if pid="$(running_pid mailbox "$MAILBOX_MARKER")"; then
  if port_open "$SMTP_PORT"; then state=running; else state=starting; fi
  print_line mailbox "$state" "$pid" "smtp localhost:$SMTP_PORT"
else
  print_line mailbox stopped "" ""
fi

for entry in $SERVICES; do
  svc="${entry%%:*}"; rest="${entry#*:}"; port="$(service_port "${rest#*:}" "${rest%%:*}")"
  if pid="$(running_pid "$svc" "$(service_marker "$svc")")"; then
    if service_stopping "$pid"; then
      state=stopping
    elif ! port_open "$port"; then
      state=starting
    elif [ "$(http_status "http://localhost:$(management_port "$port")/q/health/ready")" = 200 ]; then
      state=running
    else
      state="not ready"
    fi
    print_line "$svc" "$state" "$pid" "http://localhost:$port"
  else
    print_line "$svc" stopped "" ""
  fi
done
