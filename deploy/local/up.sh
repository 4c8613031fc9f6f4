#!/usr/bin/env bash
# Starts the local stack: PostgreSQL, a Kafka broker and the four services, each in the background with its own log.
# Builds what is missing first. Running it again starts only what is not running.
set -euo pipefail

# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: deploy/local/up.sh [--infra-only] [--no-build] [--timeout SECONDS]

  --infra-only   start PostgreSQL and Kafka only (to run the services from an IDE or quarkus:dev)
  --no-build     never run Maven; fail if a jar is missing
  --timeout S    how long to wait for readiness, per stage (default 120)

Ports: PostgreSQL \$CONVENE_PG_PORT (25432), Kafka \$CONVENE_KAFKA_PORT (9092) and
\$CONVENE_KAFKA_CONTROLLER_PORT (9093), the mail catcher \$CONVENE_SMTP_PORT (2525, SMTP) and
\$CONVENE_IMAP_PORT (3143, IMAP), services \$CONVENE_REGISTRATION_PORT (8081), \$CONVENE_BUDGET_PORT (8082),
\$CONVENE_VENUE_PORT (8083), \$CONVENE_NOTIFICATION_PORT (8084); each service's health, metrics and OpenAPI on its
port + 1000 (9081 ... 9084).
Extra JVM options: \$CONVENE_SERVICE_JAVA_OPTS, \$CONVENE_KAFKA_JAVA_OPTS, \$CONVENE_PG_JAVA_OPTS.
EOF
}

INFRA_ONLY=false
BUILD=true
TIMEOUT=120
# how long a PostgreSQL launcher whose server died gets to start it again before up.sh replaces the launcher
PG_RESTART_GRACE="${CONVENE_PG_RESTART_GRACE:-60}"
while [ $# -gt 0 ]; do
  case "$1" in
    --infra-only) INFRA_ONLY=true ;;
    --no-build) BUILD=false ;;
    --timeout) [ $# -ge 2 ] || die "--timeout needs a value"; TIMEOUT="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done

take_stack_lock up.sh
STARTED_AT="$(now)"
command -v "$JAVA" > /dev/null 2>&1 || die "no java found (set JAVA_HOME or put java on the PATH)"
[ -z "${CONVENE_SERVICE_CLASS_PATH:-}" ] || service_class_path_mode > /dev/null

# --- build what is missing ---------------------------------------------------------------------------------------
missing=""
infra_built || missing="$missing deploy/local/infrastructure"
if ! $INFRA_ONLY; then
  for entry in $SERVICES; do
    svc="${entry%%:*}"
    [ -f "$(service_jar "$svc")" ] || missing="$missing $svc"
  done
fi
if [ -n "$missing" ]; then
  $BUILD || die "not built:$missing (run without --no-build, or ./mvnw -DskipTests install)"
  if $INFRA_ONLY; then
    build_infra
  else
    echo "Not built yet:$missing"
    echo "Building with ./mvnw -q -DskipTests install ..."
    build_started="$(now)"
    (cd "$REPO" && ./mvnw -q -DskipTests install)
    echo "Built in $(elapsed_since "$build_started") s"
  fi
  infra_built || die "the build did not produce $INFRA_JAR and $INFRA_LIB"
fi

mkdir -p "$RUN_DIR" "$LOG_DIR" "$PG_DATA_DIR" "$PG_BINARIES_DIR" "$KAFKA_DIR/data" "$MAIL_DIR"
# read once: every class-data archive (the broker's and each service's) is named after it. The same start tells whether
# this JVM can give the memory it freed back to the system now and then (JDK 17.0.9, 21.0.1 and newer): a service's
# native heap holds several MB freed after its start (parsing classes, compiling) that glibc would otherwise keep.
SERVICE_NATIVE_TRIM="-XX:TrimNativeHeapInterval=5000"
if ! JAVA_VERSION_TEXT="$("$JAVA" "$SERVICE_NATIVE_TRIM" -version 2>&1)"; then
  SERVICE_NATIVE_TRIM=""
  JAVA_VERSION_TEXT="$("$JAVA" -version 2>&1)"
fi

# prints the tail of a log, for a component that failed
show_log() { # name log
  echo
  if [ ! -s "$2" ]; then
    echo "---- $1: no log at $2 ----"
    return
  fi
  if grep -qE ' ERROR |^Caused by: ' "$2"; then
    echo "---- $1: errors in ${2#"$REPO"/} ----"
    grep -E ' ERROR |^Caused by: ' "$2" | head -n 8 | cut -c1-400
  fi
  echo "---- $1: last lines of ${2#"$REPO"/} ----"
  tail -n "${CONVENE_LOG_LINES:-30}" "$2"
  echo "----"
}

# try_ready timeout entries... : like wait_ready, quietly, and returns the result instead of failing
try_ready() {
  local timeout="$1"; shift
  "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
    -cp "$INFRA_CP" app.convene.local.WaitReady --timeout "$timeout" "$@" > /dev/null
}

# wait_ready entries... (entries: name,pid,target) ; on failure shows the logs and exits. Targets the shell can check
# (http, tcp, log: see lib.sh) are waited for by the shell; a jdbc: or kafka: target needs WaitReady's clients.
wait_ready() {
  local report="$RUN_DIR/wait-report.txt" failed name
  rm -f "$report"
  case " $* " in
    *,jdbc:*|*,kafka:*)
      if "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m \
          -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
          -cp "$INFRA_CP" app.convene.local.WaitReady --timeout "$TIMEOUT" --report "$report" "$@"; then
        return 0
      fi ;;
    *)
      if await_parts "$TIMEOUT" "$report" "$@"; then
        return 0
      fi ;;
  esac
  failed="$(cat "$report" 2>/dev/null || true)"
  for name in $failed; do
    show_log "$name" "$LOG_DIR/$name.log"
  done
  echo
  echo "Not ready: $(echo "$failed" | tr '\n' ' ')- what did start keeps running (deploy/local/status.sh); stop it with deploy/local/down.sh." >&2
  exit 1
}

# refuses to start something on a port another process already holds
check_port_free() { # name port variable
  if port_open "$2"; then
    die "port $2 (for $1) is in use by another process; stop it or set $3"
  fi
}

# --- PostgreSQL and Kafka ---------------------------------------------------------------------------------------
echo "Starting the local stack (data in ${DATA_DIR#"$REPO"/}, logs in ${LOG_DIR#"$REPO"/})"

start_postgres() {
  # a server whose launcher was killed (kill -9) still holds the port: the launcher stops it before starting
  local left_behind
  if left_behind="$(pg_server_pid)"; then
    echo "  postgres               server pid $left_behind was left running without its launcher; it will be restarted"
  else
    check_port_free postgres "$PG_PORT" CONVENE_PG_PORT
  fi
  # shellcheck disable=SC2086
  pg_pid="$(start_process postgres "$LOG_DIR/postgres.log" "$JAVA" -XX:+UseSerialGC -Xms16m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1 \
    ${CONVENE_PG_JAVA_OPTS:-} \
    -Dorg.slf4j.simpleLogger.showDateTime=true "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS" \
    -Dconvene.pg.port="$PG_PORT" -Dconvene.pg.data="$PG_DATA_DIR" -Dconvene.pg.binaries="$PG_BINARIES_DIR" \
    -cp "$INFRA_CP" app.convene.local.LocalPostgres)"
  echo "  postgres               started (pid $pg_pid)"
  # the launcher says in its (new) log when its server is up and the databases exist
  pg_ready_target="log:$LOG_DIR/postgres.log:CONVENE-POSTGRES-READY"
}

# a launcher already running (or one bringing its server back) is asked through a connection to the last database
pg_ready_target="jdbc:postgresql://localhost:$PG_PORT/notification"

# A launcher whose server died starts it again by itself; up.sh only waits for that (see PG_RESTART_GRACE below).
pg_restarting=false
if pg_pid="$(running_pid postgres "$PG_MARKER")"; then
  if pg_server_up; then
    echo "  postgres               already running (pid $pg_pid, server pid $(pg_server_pid))"
  else
    echo "  postgres               launcher running (pid $pg_pid) but its server is down; the launcher is starting it again"
    pg_restarting=true
  fi
else
  start_postgres
fi

write_kafka_config() {
  cat > "$KAFKA_DIR/server.properties" <<EOF
# Written by deploy/local/up.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://localhost:$KAFKA_PORT,CONTROLLER://localhost:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
}

if kafka_pid="$(running_pid kafka "$KAFKA_MARKER")"; then
  echo "  kafka                  already running (pid $kafka_pid)"
else
  check_port_free kafka "$KAFKA_PORT" CONVENE_KAFKA_PORT
  check_port_free "kafka controller" "$KAFKA_CONTROLLER_PORT" CONVENE_KAFKA_CONTROLLER_PORT
  write_kafka_config
  if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    # A leading '-' would be read as an option by the storage tool: start it with a letter instead.
    if [ "${cluster_id:0:1}" = "-" ]; then cluster_id="A${cluster_id:1}"; fi
    echo "  kafka                  formatting storage (cluster id $cluster_id)"
    (cd "$REPO" && "$JAVA" -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$INFRA_CP" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_DIR/server.properties" --ignore-formatted) \
      >> "$LOG_DIR/kafka-format.log" 2>&1 || { show_log kafka-format "$LOG_DIR/kafka-format.log"; die "formatting Kafka storage failed"; }
  fi
  # only the quick compiler, and the broker's classes mapped from its class-data archive (recorded by its first start
  # on these jars and this JDK, as the services' are): its start costs about half the CPU
  # shellcheck disable=SC2086,SC2046
  kafka_pid="$(start_process kafka "$LOG_DIR/kafka.log" "$JAVA" -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:TieredStopAtLevel=1 $(class_data_options kafka "$INFRA_LIB") \
    -Djava.awt.headless=true ${CONVENE_KAFKA_JAVA_OPTS:-} \
    -Dorg.slf4j.simpleLogger.showDateTime=true "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS" \
    -cp "$INFRA_LIB/*" kafka.Kafka "$KAFKA_DIR/server.properties")"
  echo "  kafka                  started (pid $kafka_pid)"
fi

# The mail catcher: every service's mail goes to it; deploy/local/mailbox.sh reads what it kept.
if mailbox_pid="$(running_pid mailbox "$MAILBOX_MARKER")"; then
  echo "  mailbox                already running (pid $mailbox_pid)"
else
  check_port_free "mailbox (SMTP)" "$SMTP_PORT" CONVENE_SMTP_PORT
  check_port_free "mailbox (IMAP)" "$IMAP_PORT" CONVENE_IMAP_PORT
  mailbox_pid="$(start_process mailbox "$LOG_DIR/mailbox.log" "$JAVA" -XX:+UseSerialGC -Xms16m -Xmx96m -XX:+ExitOnOutOfMemoryError \
    -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dconvene.mail.smtp-port="$SMTP_PORT" -Dconvene.mail.imap-port="$IMAP_PORT" -Dconvene.mail.spool="$MAIL_DIR" \
    -cp "$INFRA_CP" "$MAILBOX_MARKER")"
  echo "  mailbox                started (pid $mailbox_pid)"
fi

# A launcher that does not bring its server back in time (it gives up after repeated failures and exits, or it is
# an older launcher that does not watch its server) is replaced by a fresh one.
if $pg_restarting && ! try_ready "$PG_RESTART_GRACE" "postgres,$pg_pid,jdbc:postgresql://localhost:$PG_PORT/notification"; then
  echo "  postgres               not back within ${PG_RESTART_GRACE}s; replacing its launcher (pid $pg_pid)"
  # its server is down, so there is nothing to shut down cleanly: a short grace, then SIGKILL
  stop_process postgres "$PG_MARKER" 5
  start_postgres
fi

# What each service's start needs (its port free, its class-data archive, notification's key), worked out while
# PostgreSQL starts: done later, between the launches, it would be slowed down by the services already starting.
service_names=(); service_ports=(); service_management_ports=(); service_databases=(); service_pids=()
service_class_data=(); notification_key=""
if ! $INFRA_ONLY; then
  [ -f "$JWT_PUBLIC_KEY" ] || die "public key not found: $JWT_PUBLIC_KEY"
  for entry in $SERVICES; do
    svc="${entry%%:*}"; rest="${entry#*:}"; default_port="${rest%%:*}"; db="${rest#*:}"
    port="$(service_port "$db" "$default_port")"
    pid="$(running_pid "$svc" "$(service_marker "$svc")")" || pid=""
    if [ -n "$pid" ] && service_stopping "$pid"; then
      # on its way out (stopped by hand, or by a down.sh that was interrupted): started again once it has exited
      echo "  $(printf '%-22s' "$svc") is stopping (pid $pid); it starts again once it has"
      await_stop "$svc" "$pid" "$(stop_timeout "$svc" "${CONVENE_STOP_TIMEOUT:-50}")" "$(now)"
      pid=""
    fi
    class_data=""
    if [ -z "$pid" ]; then
      check_port_free "$svc" "$port" "CONVENE_$(echo "$db" | tr '[:lower:]' '[:upper:]')_PORT"
      class_data="$(class_data_options "$svc")"
      [ "$svc" != notification-service ] || notification_key="$(notification_secrets_key)"
    fi
    service_names+=("$svc"); service_ports+=("$port"); service_management_ports+=("$(management_port "$port")")
    service_databases+=("$db"); service_pids+=("$pid"); service_class_data+=("$class_data")
  done
fi

# PostgreSQL with every database, and the mail catcher
wait_ready "postgres,$pg_pid,$pg_ready_target" "mailbox,$mailbox_pid,tcp://localhost:$SMTP_PORT"
DATABASE_READY="$(elapsed_since "$STARTED_AT")"

if $INFRA_ONLY; then
  wait_ready "kafka,$kafka_pid,kafka://localhost:$KAFKA_PORT"
  INFRA_READY="$(elapsed_since "$STARTED_AT")"
  echo
  echo "PostgreSQL  jdbc:postgresql://localhost:$PG_PORT/<registration|budget|venue|notification>  (postgres/postgres)  log ${LOG_DIR#"$REPO"/}/postgres.log"
  echo "Kafka       localhost:$KAFKA_PORT  log ${LOG_DIR#"$REPO"/}/kafka.log"
  echo "Mail        SMTP localhost:$SMTP_PORT, IMAP localhost:$IMAP_PORT  (deploy/local/mailbox.sh EMAIL)"
  echo "Ready in $INFRA_READY s. Stop with deploy/local/down.sh"
  exit 0
fi

# --- services -------------------------------------------------------------------------------------------------
# They start as soon as PostgreSQL is ready, while the broker may still be starting: a service needs only its
# database to start (its Kafka clients connect when the broker listens), and it is ready once both are reachable.
# Everything a start needs was worked out while PostgreSQL started (above), so the four are launched one right after
# the other.
waits=()
recording=()
for i in "${!service_names[@]}"; do
  svc="${service_names[$i]}"; port="${service_ports[$i]}"; management="${service_management_ports[$i]}"
  db="${service_databases[$i]}"; pid="${service_pids[$i]}"
  if [ -n "$pid" ]; then
    echo "  $(printf '%-22s' "$svc") already running (pid $pid)"
  else
    # Notification: its webhook-secrets key (made once in the data dir), webhooks to this machine over http, and
    # the links its mail carries (acknowledge, stop reminders, give feedback) pointing at the port it listens on.
    notification_env=()
    if [ "$svc" = notification-service ]; then
      notification_env+=(NOTIFICATION_SECRETS_KEY="$notification_key"
        NOTIFICATION_WEBHOOKS_ALLOW_INSECURE=true NOTIFICATION_WEBHOOKS_ALLOWED_PRIVATE="127.0.0.1,::1"
        NOTIFICATION_PUBLIC_URL="${NOTIFICATION_PUBLIC_URL:-http://localhost:$port}")
    fi
    mapfile -t launch < <(service_launch "$svc")
    # shellcheck disable=SC2086
    pid="$(start_process "$svc" "$LOG_DIR/$svc.log" env ${notification_env[@]+"${notification_env[@]}"} \
      QUARKUS_HTTP_PORT="$port" \
      QUARKUS_MANAGEMENT_PORT="$management" \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG_PORT/$db" \
      QUARKUS_DATASOURCE_USERNAME=postgres \
      QUARKUS_DATASOURCE_PASSWORD=postgres \
      KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" \
      SMTP_HOST=localhost \
      SMTP_PORT="$SMTP_PORT" \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$JWT_PUBLIC_KEY" \
      CONVENE_LOCAL_STACK=true \
      QUARKUS_OTEL_SDK_DISABLED=true \
      MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
      CORS_ORIGINS="${CORS_ORIGINS:-http://localhost:5173,http://localhost:3000,http://localhost:4200,http://localhost:8080}" \
      "$JAVA" $SERVICE_JAVA_DEFAULTS $SERVICE_NATIVE_TRIM ${service_class_data[$i]} ${CONVENE_SERVICE_JAVA_OPTS:-} \
      "${launch[@]}")"
    echo "  $(printf '%-22s' "$svc") started (pid $pid)"
    [ -f "$RUN_DIR/$svc.recording" ] && recording+=("$svc:$pid")
  fi
  waits+=("$svc,$pid,http://localhost:$management/q/health/ready")
done

# The broker is waited for as a port that accepts connections: every service's readiness includes reaching it.
wait_ready "kafka,$kafka_pid,tcp://localhost:$KAFKA_PORT" "${waits[@]}"
ALL_READY="$(elapsed_since "$STARTED_AT")"
end_recordings_at_ready ${recording[@]+"${recording[@]}"}

# --- summary ----------------------------------------------------------------------------------------------------
echo
printf '%-22s %-23s %-40s %-35s %s\n' SERVICE URL "SWAGGER UI" OPENAPI LOG
for entry in $SERVICES; do
  svc="${entry%%:*}"; rest="${entry#*:}"; default_port="${rest%%:*}"; db="${rest#*:}"
  port="$(service_port "$db" "$default_port")"
  url="http://localhost:$port"
  mgmt="http://localhost:$(management_port "$port")"
  printf '%-22s %-23s %-40s %-35s %s\n' "$svc" "$url" "$mgmt/q/swagger-ui" "$mgmt/q/openapi" "${LOG_DIR#"$REPO"/}/$svc.log"
done
echo
echo "Kafka       localhost:$KAFKA_PORT  (log ${LOG_DIR#"$REPO"/}/kafka.log)"
echo "PostgreSQL  localhost:$PG_PORT, databases registration, budget, venue, notification, user/password postgres/postgres  (log ${LOG_DIR#"$REPO"/}/postgres.log)"
echo "Mail        every service mails to SMTP localhost:$SMTP_PORT; read it with deploy/local/mailbox.sh EMAIL (IMAP localhost:$IMAP_PORT)"
echo "Tokens      deploy/local/token.sh organizer|finance|facility|attendee [subject] [organisation]"
echo "Java        $(printf '%s\n' "$JAVA_VERSION_TEXT" | head -n 1); services' class path: $(service_class_path_mode) (CONVENE_SERVICE_CLASS_PATH)"
if running_pid class-data-recorder "$RECORDER_MARKER" > /dev/null; then
  echo "Class data  ${#recording[@]} services' class-data archives are being written in the background, one at a time, for their next starts (log ${LOG_DIR#"$REPO"/}/class-data.log)"
fi
echo
echo "PostgreSQL ready after $DATABASE_READY s; all ready after $ALL_READY s. Stop with deploy/local/down.sh"
