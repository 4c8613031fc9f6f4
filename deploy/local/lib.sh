# Shared by up.sh, down.sh, status.sh and token.sh; not meant to be run by itself.
# shellcheck shell=bash disable=SC2034

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$LOCAL_DIR/../.." && pwd)"

DATA_DIR="${CONVENE_DATA_DIR:-$REPO/.data/local}"
RUN_DIR="$DATA_DIR/run"
LOG_DIR="$DATA_DIR/logs"
PG_DATA_DIR="$DATA_DIR/postgres"
PG_BINARIES_DIR="$DATA_DIR/postgres-binaries"
KAFKA_DIR="$DATA_DIR/kafka"
MAIL_DIR="$DATA_DIR/mail"

INFRA_DIR="$REPO/deploy/local/infrastructure"
INFRA_JAR="$INFRA_DIR/target/convene-local-infrastructure-1.0.0-SNAPSHOT.jar"
INFRA_LIB="$INFRA_DIR/target/lib"
INFRA_CP="$INFRA_LIB/*:$INFRA_JAR"

PG_PORT="${CONVENE_PG_PORT:-25432}"
KAFKA_PORT="${CONVENE_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${CONVENE_KAFKA_CONTROLLER_PORT:-9093}"
SMTP_PORT="${CONVENE_SMTP_PORT:-2525}"
IMAP_PORT="${CONVENE_IMAP_PORT:-3143}"
# the development key pair; services accept its public half only with CONVENE_LOCAL_STACK=true
JWT_PUBLIC_KEY="$REPO/backbone/src/test/resources/dev-keys/jwt-public.pem"
JWT_PRIVATE_KEY="${CONVENE_JWT_PRIVATE_KEY:-$REPO/backbone/src/test/resources/dev-keys/jwt-private.pem}"

# service module, default HTTP port, database; the port can be changed with CONVENE_<DATABASE>_PORT
SERVICES="registration-service:8081:registration budget-service:8082:budget venue-service:8083:venue notification-service:8084:notification"

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="java"
fi

die() { echo "error: $*" >&2; exit 1; }

service_port() { # service database default-port
  local var
  var="CONVENE_$(echo "$1" | tr '[:lower:]' '[:upper:]')_PORT"
  echo "${!var:-$2}"
}

# health, metrics and OpenAPI of a packaged service: its management interface, on the HTTP port + 1000
management_port() { echo $(( $1 + 1000 )); }

service_jar() { echo "$REPO/$1/target/quarkus-app/quarkus-run.jar"; }

# How a service's classes are found (CONVENE_SERVICE_CLASS_PATH):
#   flat    every jar of the packaged application on the JVM's own class path, in the order the application's class
#           loader searches them, and its generated main class. The JVM then takes the classes from the service's
#           class-data archive without reading them from the jars, which Quarkus's own class loader (runner) must
#           do for every class: a start costs a fifth to a third less CPU. On JDK 17 the archive then also holds the
#           classes a start loads but never links (5-10 MB more resident memory at ready); on JDK 25 a service holds
#           4-6 MB less.
#   runner  java -jar quarkus-run.jar, the application's own class loader.
# The default is flat on JDK 25 and newer (the fastest start and the least memory there) and runner on older JDKs
# (the least memory there), and runner without archives (CONVENE_CLASS_DATA=off): without one, the JVM looks for each
# class jar by jar along the flat class path, and a start takes twice as long. See the README's "Performance".
service_class_path_mode() {
  case "${CONVENE_SERVICE_CLASS_PATH:-}" in
    flat | runner) echo "$CONVENE_SERVICE_CLASS_PATH" ;;
    "")
      if [ "${CONVENE_CLASS_DATA:-on}" != off ] && [ "$(java_feature_version)" -ge 25 ]; then
        echo flat
      else
        echo runner
      fi
      ;;
    *) die "CONVENE_SERVICE_CLASS_PATH is flat or runner, not '$CONVENE_SERVICE_CLASS_PATH'" ;;
  esac
}

# service_launch name : the arguments after the JVM options that start the service, one per line
service_launch() {
  local app="$REPO/$1/target/quarkus-app" path jar
  if [ "$(service_class_path_mode)" = runner ]; then
    printf '%s\n' -jar "$(service_jar "$1")"
    return
  fi
  # the order of quarkus-application.dat: rewritten classes first, then generated ones, the service, its libraries
  # (by name); the bootstrap libraries last (they are never also in the others)
  path="$app/quarkus/transformed-bytecode.jar:$app/quarkus/generated-bytecode.jar"
  for jar in "$app"/app/*.jar; do path="$path:$jar"; done
  while IFS= read -r jar; do path="$path:$app/lib/main/$jar"; done < <(cd "$app/lib/main" && LC_ALL=C ls)
  for jar in "$app"/lib/boot/*.jar; do path="$path:$jar"; done
  # quarkus-run.jar's manifest opens java.lang to the application; the class path needs it said
  printf '%s\n' --add-opens java.base/java.lang=ALL-UNNAMED -cp "$path" io.quarkus.runner.GeneratedMain
}

infra_built() { [ -f "$INFRA_JAR" ] && [ -f "$INFRA_LIB/kafka_2.13-4.1.1.jar" ] && [ -f "$INFRA_LIB/greenmail-2.1.13.jar" ]; }

build_infra() {
  echo "Building the local infrastructure launcher (first run only)..." >&2
  (cd "$REPO" && ./mvnw -q -pl deploy/local/infrastructure -am -DskipTests install) >&2
}

now() { # seconds since the epoch, with a fraction where the shell offers one
  if [ -n "${EPOCHREALTIME:-}" ]; then echo "${EPOCHREALTIME/,/.}"; else date +%s; fi
}

elapsed_since() { awk -v start="$1" -v end="$(now)" 'BEGIN { printf "%.1f", end - start }'; }

# --- processes -------------------------------------------------------------------------------------------------
# A component is running when its pid file names a live (not zombie) process whose command line contains the marker.

pid_file() { echo "$RUN_DIR/$1.pid"; }

read_pid() { [ -f "$(pid_file "$1")" ] && tr -dc '0-9' < "$(pid_file "$1")"; }

pid_alive() { # pid
  local state
  [ -n "$1" ] || return 1
  state="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  case "$state" in Z*|"") return 1 ;; esac
}

pid_matches() { # pid marker
  pid_alive "$1" && ps -ww -o command= -p "$1" 2>/dev/null | grep -qF -- "$2"
}

running_pid() { # name marker -> prints the pid when running
  local pid
  pid="$(read_pid "$1")" || return 1
  pid_matches "$pid" "$2" && echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null; } # port [host]

# --- one script at a time on a data directory ----------------------------------------------------------------------
# up.sh and down.sh on the same data directory take turns: a second one waits until the first has finished (a stop in
# the middle of a start, or two starts at once, would leave half a stack, or parts that stop each other's). The lock
# is a directory: creating it is atomic, and, unlike an open file, the parts a script starts do not inherit it. A lock
# whose script has gone (killed, say) is taken over.
STACK_LOCK="$RUN_DIR/script.lock"

take_stack_lock() { # script name, e.g. up.sh
  local holder script waited=0 limit="${CONVENE_LOCK_WAIT:-900}"
  mkdir -p "$RUN_DIR"
  until mkdir "$STACK_LOCK" 2>/dev/null; do
    holder="$(tr -dc '0-9' < "$STACK_LOCK/pid" 2>/dev/null || true)"
    script="$(cat "$STACK_LOCK/script" 2>/dev/null || true)"
    if { [ -n "$holder" ] && ! pid_matches "$holder" "${script:-.sh}"; } || { [ -z "$holder" ] && [ "$waited" -ge 5 ]; }; then
      rm -rf "$STACK_LOCK"
      continue
    fi
    [ "$waited" -gt 0 ] || echo "Waiting for ${script:-another script} (pid ${holder:-?}) to finish with ${DATA_DIR#"$REPO"/}"
    [ "$waited" -lt "$limit" ] || die "${script:-another script} (pid ${holder:-?}) still works on ${DATA_DIR#"$REPO"/} after ${limit} s"
    sleep 1
    waited=$((waited + 1))
  done
  echo "$$" > "$STACK_LOCK/pid"
  echo "$1" > "$STACK_LOCK/script"
  trap 'rm -rf "$STACK_LOCK"' EXIT
}

# --- readiness, checked by the shell itself -------------------------------------------------------------------------
# While the parts start they keep both cores busy; a JVM started beside them only to poll them would take its own
# second or two of CPU to start and stop. So the usual waits are made here (deploy/local/infrastructure's WaitReady
# remains for what needs a client: a database that must answer, a broker that must describe its cluster).

# http_ready url : the URL answers 200 (plain HTTP on this machine, e.g. a service's /q/health/ready)
http_ready() {
  local rest="${1#http://}" host port path status=""
  host="${rest%%/*}"; path="/${rest#*/}"; port="${host##*:}"; host="${host%:*}"
  { exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$host" >&3 2>/dev/null || true
  IFS= read -r -t 2 status <&3 2>/dev/null || true
  exec 3<&- 3>&-
  case "$status" in "HTTP/1."?" 200"*) return 0 ;; *) return 1 ;; esac
}

# part_ready target : http://host:port/path answers 200; tcp://host:port accepts connections; log:FILE:TEXT means FILE
# holds TEXT (a part that says in its log when it is ready)
part_ready() {
  local rest
  case "$1" in
    http://*) http_ready "$1" ;;
    tcp://*) rest="${1#tcp://}"; port_open "${rest##*:}" "${rest%:*}" ;;
    log:*) rest="${1#log:}"; grep -qF -- "${rest#*:}" "${rest%%:*}" 2>/dev/null ;;
    *) die "no shell check for $1" ;;
  esac
}

# await_parts timeout report entries... : waits until every entry (name,pid,target; a pid of 0 is not watched) is
# ready, printing each one's time from the start of the wait; a part whose process exits, or that is not ready within
# timeout seconds, is named in the report file, and the function returns 1
await_parts() {
  local timeout="$1" report="$2" started deadline entry name rest pid round=0
  shift 2
  local pending=("$@") next
  started="$(now)"; deadline=$(( $(date +%s) + timeout ))
  : > "$report"
  while [ ${#pending[@]} -gt 0 ]; do
    next=()
    round=$((round + 1))
    for entry in "${pending[@]}"; do
      name="${entry%%,*}"; rest="${entry#*,}"; pid="${rest%%,*}"
      # a gone process is seen at once; one that exited but was not reaped yet (a zombie, which ps tells) once a second
      if [ "$pid" != 0 ] && { ! kill -0 "$pid" 2>/dev/null || { [ $((round % 4)) = 0 ] && ! pid_alive "$pid"; }; }; then
        printf '  %-22s process %s has exited\n' "$name" "$pid"
        echo "$name" >> "$report"
      elif part_ready "${rest#*,}"; then
        printf '  %-22s ready after %s s\n' "$name" "$(elapsed_since "$started")"
      else
        next+=("$entry")
      fi
    done
    pending=(${next[@]+"${next[@]}"})
    [ ${#pending[@]} -gt 0 ] || break
    if [ "$(date +%s)" -ge "$deadline" ]; then
      for entry in "${pending[@]}"; do
        printf '  %-22s not ready after %s s\n' "${entry%%,*}" "$timeout"
        echo "${entry%%,*}" >> "$report"
      done
      break
    fi
    sleep 0.25
  done
  [ ! -s "$report" ]
}

# JVM options of every service on the local stack (CONVENE_SERVICE_JAVA_OPTS adds to them, and wins where they
# differ): a small, bounded heap that starts at about what a service holds once ready (48 MB: no dozen collections of
# a growing heap on the way there), with a young generation of at most 8 MB (every page of it is touched between two
# collections and stays resident; a collection of it takes a millisecond or two); the serial collector (one service,
# one user, a laptop: no need for a concurrent one) that gives back what it freed, a smaller code cache and thread
# stacks, only the quick compiler (C1: a start costs about 30 % less CPU and memory, a request about 10 % more CPU) in
# one compiler thread (2 MB less at ready; on two cores a second one only takes CPU from the starting services; to
# bring back the optimising compiler, pass -XX:TieredStopAtLevel=4 -XX:CICompilerCount=2 together); and two malloc
# arenas (MALLOC_ARENA_MAX, set by up.sh) rather than one per thread. up.sh adds a periodic trim of the native heap
# where the JVM has it.
SERVICE_JAVA_DEFAULTS="${CONVENE_SERVICE_JAVA_DEFAULTS:--XX:+UseSerialGC -Xms48m -Xmx256m -XX:NewSize=8m -XX:MaxNewSize=8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:ReservedCodeCacheSize=64m -Xss512k -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+ExitOnOutOfMemoryError}"

# --- class-data archives -----------------------------------------------------------------------------------------
# A service's first start on a given build and JDK records the classes it loads; every later start maps them from that
# archive instead of loading, verifying and linking them again (JDK 25 and newer: an AOT cache, JEP 483/514/515;
# older JDKs: a dynamic AppCDS archive). The archive is written when the service stops cleanly (down.sh), and is made
# again after a rebuild or with another JDK. CONVENE_CLASS_DATA=off starts without one.
CLASS_DATA_DIR="$DATA_DIR/class-data"

# The JDK's `java -version` text: JAVA_VERSION_TEXT when the caller has read it once (up.sh does, before its services),
# else read now.
java_version_text() {
  if [ -n "${JAVA_VERSION_TEXT:-}" ]; then printf '%s\n' "$JAVA_VERSION_TEXT"; else "$JAVA" -version 2>&1; fi
}

java_feature_version() { # the JDK's feature release, e.g. 17 or 25
  java_version_text | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

# class_data_archive name [dir] : the archive's path for this build of a part (a service, or the broker) on this JDK;
# dir holds what the part runs from (a service's quarkus-app by default): a change to any file there makes a new one,
# and so does another class path or other JVM options for a service (an archive holds the object layout and collector
# it was recorded with, and the JVM refuses it under others)
class_data_archive() {
  local app="${2:-$REPO/$1/target/quarkus-app}" key suffix
  key="$( { java_version_text
            [ -n "${2:-}" ] || { service_class_path_mode; echo "$SERVICE_JAVA_DEFAULTS ${CONVENE_SERVICE_JAVA_OPTS:-}"; }
            (cd "$app" && find . -type f -printf '%P %s %T@\n' | sort); } | cksum | cut -d' ' -f1)"
  if [ "$(java_feature_version)" -ge 25 ]; then suffix=aot; else suffix=jsa; fi
  echo "$CLASS_DATA_DIR/$1-$key.$suffix"
}

# class_data_options name [dir] : the JVM options that use the part's archive, or record it when there is none yet
# (on JDK 25 a service whose JDK has jcmd is recorded until end_recordings_at_ready writes its archive; otherwise until
# the part stops)
class_data_options() {
  [ "${CONVENE_CLASS_DATA:-on}" = off ] && return 0
  local archive
  archive="$(class_data_archive "$@")"
  mkdir -p "$CLASS_DATA_DIR"
  if [ -s "$archive" ]; then
    rm -f "$RUN_DIR/$1.recording"
    case "$archive" in
      *.aot) echo "-XX:AOTCache=$archive" ;;
      *) echo "-XX:SharedArchiveFile=$archive" ;;
    esac
  else
    # archives of earlier builds or other JDKs are of no use any more
    find "$CLASS_DATA_DIR" -maxdepth 1 -name "$1-*" -delete
    touch "$RUN_DIR/$1.recording"
    case "$archive" in
      *.aot) echo "-XX:AOTCacheOutput=$archive" ;;
      *) echo "-XX:ArchiveClassesAtExit=$archive" ;;
    esac
  fi
}

# jcmd_path : the jcmd of the JDK that runs the services, if it has one
jcmd_path() {
  local java
  java="$(command -v "$JAVA" 2>/dev/null)" || return 0
  java="$(readlink -f "$java" 2>/dev/null || echo "$java")"
  [ -x "$(dirname "$java")/jcmd" ] && echo "$(dirname "$java")/jcmd"
  return 0
}

# end_recordings_at_ready name:pid... : on JDK 25 and newer, the services recording their AOT cache (their first start
# on a build, started with class_data_options by this same JDK) write it now that they are ready, rather than when they
# stop (jcmd AOT.end_recording). The cache then holds what a start loads and no more: what a session's requests load
# after it would otherwise stay resident at every later start (about 16 MB for venue-service), and the first down.sh is
# as quick as any. One service after another, in the background (about 10 CPU-seconds each, on one core), logged to
# class-data.log; down.sh waits for it. Older JDKs keep writing at the stop: a dynamic dump at ready (jcmd VM.cds
# dynamic_dump, JDK 17) left the running service holding 489 MB until its next start.
RECORDER_MARKER="end-class-data-recordings"
end_recordings_at_ready() {
  local jcmd entry todo=()
  jcmd="$(jcmd_path)"
  [ "$#" -gt 0 ] && [ -n "$jcmd" ] && [ "$(java_feature_version)" -ge 25 ] || return 0
  for entry in "$@"; do
    todo+=("$entry:$(class_data_archive "${entry%%:*}")")
  done
  # shellcheck disable=SC2016
  (
    cd "$REPO" || exit 1
    nohup bash -c 'jcmd="$1" run_dir="$2"; shift 2
      for entry in "$@"; do
        name="${entry%%:*}" rest="${entry#*:}"; pid="${rest%%:*}" archive="${rest#*:}"
        echo "$(date -u +%FT%TZ) $name: writing $archive"
        "$jcmd" "$pid" AOT.end_recording
        if [ -s "$archive" ]; then rm -f "$run_dir/$name.recording"; fi
      done' "$RECORDER_MARKER" "$jcmd" "$RUN_DIR" "${todo[@]}" < /dev/null >> "$LOG_DIR/class-data.log" 2>&1 &
    echo $! > "$(pid_file class-data-recorder)"
  )
}

# await_recordings seconds : waits until the services have written the archives end_recordings_at_ready asked for
await_recordings() {
  local pid deadline
  pid="$(running_pid class-data-recorder "$RECORDER_MARKER")" || { rm -f "$(pid_file class-data-recorder)"; return 0; }
  echo "  waiting for the services to finish writing their class-data archives (log ${LOG_DIR#"$REPO"/}/class-data.log)"
  deadline=$(( $(date +%s) + $1 ))
  while pid_alive "$pid" && [ "$(date +%s)" -lt "$deadline" ]; do
    sleep 0.2
  done
  rm -f "$(pid_file class-data-recorder)"
}

# stop_timeout name seconds : how long to wait for a part to stop; longer when it writes its class-data archive as it
# stops (its first start on a build records it)
stop_timeout() {
  if [ -f "$RUN_DIR/$1.recording" ]; then echo $(($2 + 180)); else echo "$2"; fi
}

# CONVENE_SESSION_PER_PROCESS=on runs each part in a session of its own (setsid, where there is one): with the
# kernel's automatic grouping (sched_autogroup, on by default in most Linux distributions) the CPU is then shared
# between the parts, as a container's CPU share does, not between their threads, so a burst's request threads no longer
# hold back another service's consumer. Off by default: on a saturated machine it keeps the consumers within about a
# second but makes registration answers several times slower (README, "Event hops and whole-stack throughput").
SESSION_PER_PROCESS=""
if [ "${CONVENE_SESSION_PER_PROCESS:-off}" = on ]; then
  SESSION_PER_PROCESS="$(command -v setsid || true)"
fi

# start_process name log command... : runs in the background from the repository root, detached from the terminal
start_process() {
  local name="$1" log="$2"; shift 2
  [ -f "$log" ] && mv -f "$log" "$log.1"
  (
    cd "$REPO" || exit 1
    if [ -n "$SESSION_PER_PROCESS" ]; then
      nohup setsid "$@" < /dev/null > "$log" 2>&1 &
    else
      nohup "$@" < /dev/null > "$log" 2>&1 &
    fi
    echo $! > "$(pid_file "$name")"
  )
  read_pid "$name"
}

# await_stop name pid timeout-seconds started-at : waits for a process already sent SIGTERM; SIGKILL after the timeout
await_stop() {
  local name="$1" pid="$2" timeout="$3" since="$4" deadline
  deadline=$(( $(date +%s) + timeout ))
  while pid_alive "$pid" && [ "$(date +%s)" -lt "$deadline" ]; do
    sleep 0.1
  done
  if pid_alive "$pid"; then
    echo "  $name did not stop within ${timeout}s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pid_file "$name")"
  echo "  $(printf '%-22s' "$name") stopped (pid $pid) after $(elapsed_since "$since") s"
}

# stop_process name marker timeout-seconds : SIGTERM, wait, SIGKILL
stop_process() {
  local name="$1" marker="$2" timeout="$3" pid since
  if ! pid="$(running_pid "$name" "$marker")"; then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  since="$(now)"
  kill -TERM "$pid" 2>/dev/null || true
  await_stop "$name" "$pid" "$timeout" "$since"
}

PG_MARKER="app.convene.local.LocalPostgres"
PG_READY_MARKER="CONVENE-POSTGRES-READY"

# The PostgreSQL server itself (not its launcher): the pid in postmaster.pid, when that is a live postgres process.
pg_server_pid() {
  local pid
  pid="$(head -n 1 "$PG_DATA_DIR/postmaster.pid" 2>/dev/null | tr -dc '0-9' || true)"
  pid_matches "$pid" postgres && echo "$pid"
}

# The server is up when its process lives and its port accepts connections.
pg_server_up() { pg_server_pid > /dev/null && port_open "$PG_PORT"; }
KAFKA_MARKER="kafka.Kafka $KAFKA_DIR/server.properties"
MAILBOX_MARKER="app.convene.local.LocalMailbox"
service_marker() { echo "$REPO/$1/target/quarkus-app/"; }
# A service that was sent SIGTERM (or SIGINT) lives on while it shuts down (its consumers leave their groups, its
# connections close: several seconds), in a thread named "Shutdown thread" that only a stopping service has; then,
# when it writes its class-data archive on the way out (up to half a minute), only in the JVM's thread that handles
# the signal. Read from /proc, so on Linux only; elsewhere a stopping service is taken for a running one.
service_stopping() { grep -qxE "Shutdown thread|SIGTERM handler|SIGINT handler" /proc/"$1"/task/*/comm 2> /dev/null; }

notification_secrets_key() { # prints notification's webhook-secrets key, made once (32 random bytes) in the data dir
  local file="$DATA_DIR/notification-secrets.key"
  if [ ! -s "$file" ]; then
    mkdir -p "$DATA_DIR"
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' > "$file")
  fi
  cat "$file"
}
