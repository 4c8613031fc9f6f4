#!/usr/bin/env bash
# Start-up of each packaged service alone, against a private PostgreSQL and Kafka (the local stack is untouched):
# wall time from `java -jar` to /q/health/ready answering 200, the CPU seconds the JVM spent until then, and its
# resident memory at that moment. Each service is started ROUNDS times (default 3) and the median is printed next
# to the targets in the README's "Performance" (ready < 1.5 s, < 3 CPU-seconds, < 200 MB), in three variants measured in the same run:
#   plain      java -jar, the JVM's own defaults;
#   archive    from a class-data archive recorded by one earlier start (JDK 25: an AOT cache; older JDKs: a dynamic
#              AppCDS archive), as deploy/local/up.sh starts services after their first start;
#   local runner  archive plus the local stack's JVM options (deploy/local/lib.sh, SERVICE_JAVA_DEFAULTS), java -jar;
#   local flat    the same with every jar on the JVM's class path (deploy/local/lib.sh, service_launch) and an archive
#                 of its own; the one of the two marked * is what up.sh runs on that JDK.
# Then the four services started together, on each class path, to the moment all four are ready.
# With JDK25=/path/to/jdk-25 set (default: /usr/lib/jvm/temurin-25-jdk-amd64 when present) every figure is also
# taken on that JDK, in the same run. Usage: bench/startup/run.sh [ROUNDS]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=../lib.sh
. "$REPO/bench/lib.sh"
ROUNDS="${1:-3}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
read -r -a MODULES <<< "${BENCH_MODULES:-registration-service budget-service venue-service notification-service}"
export CONVENE_DATA_DIR="$REPO/.data/bench-startup" CONVENE_PG_PORT=25457 CONVENE_KAFKA_PORT=19092 \
  CONVENE_KAFKA_CONTROLLER_PORT=19093 CONVENE_SMTP_PORT=19094 CONVENE_IMAP_PORT=19095
CLK_TCK=$(getconf CLK_TCK)
ARCHIVES="$CONVENE_DATA_DIR/class-data"
# shellcheck disable=SC1091
LOCAL_OPTS="$(JAVA=java; . "$REPO/deploy/local/lib.sh"; echo "$SERVICE_JAVA_DEFAULTS")"

for module in "${MODULES[@]}"; do
  if [ ! -f "$REPO/$module/target/quarkus-app/quarkus-run.jar" ]; then
    (cd "$REPO" && ./mvnw -q -B -DskipTests install -pl "$module,deploy/local/infrastructure" -am)
  fi
done
rm -rf "$CONVENE_DATA_DIR/postgres" "$CONVENE_DATA_DIR/kafka" "$ARCHIVES"
mkdir -p "$ARCHIVES"
"$REPO/deploy/local/up.sh" --infra-only --no-build > /dev/null
PIDS=()
stop() {
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null || true; done
  "$REPO/deploy/local/down.sh" > /dev/null 2>&1 || true
}
trap stop EXIT

# launch_args java module runner|flat : the arguments after the JVM options, one per line (deploy/local/lib.sh)
launch_args() {
  # shellcheck disable=SC1091
  (. "$REPO/deploy/local/lib.sh" && JAVA="$1" CONVENE_SERVICE_CLASS_PATH="$3" && service_launch "$2")
}

# stack_mode java : the class path up.sh uses on this JDK (deploy/local/lib.sh)
stack_mode() {
  # shellcheck disable=SC1091
  (. "$REPO/deploy/local/lib.sh" && JAVA="$1" && unset CONVENE_SERVICE_CLASS_PATH && service_class_path_mode)
}

# launch java module port [jvm options...] : starts the service in the background (java -jar, or as LAUNCH_MODE=flat
# says); sets LAUNCHED
launch() {
  local java="$1" module="$2" port="$3" database="${2%-service}" args
  shift 3
  mapfile -t args < <(launch_args "$java" "$module" "${LAUNCH_MODE:-runner}")
  QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$((port + 1000)) \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$CONVENE_PG_PORT/$database" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    KAFKA_BOOTSTRAP_SERVERS="localhost:$CONVENE_KAFKA_PORT" \
    NOTIFICATION_SECRETS_KEY="$(head -c 32 /dev/urandom | base64 | tr -d '\n')" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$REPO/backbone/src/test/resources/dev-keys/jwt-public.pem" \
    CONVENE_LOCAL_STACK=true QUARKUS_LOG_LEVEL=WARN \
    "$java" "$@" "${args[@]}" >> "$CONVENE_DATA_DIR/$module.log" 2>&1 &
  LAUNCHED=$!
  PIDS+=("$LAUNCHED")
}

await_ready() { # pid port
  until curl -fs -o /dev/null "http://localhost:$(($2 + 1000))/q/health/ready" 2> /dev/null; do
    if ! kill -0 "$1" 2> /dev/null; then
      tail -20 "$CONVENE_DATA_DIR"/*.log >&2
      exit 1
    fi
    sleep 0.02
  done
}

finish() { # pid : stops it and waits (an archive being recorded is written now)
  kill "$1" 2> /dev/null && wait "$1" 2> /dev/null || true
  PIDS=()
}

# One start: prints "wall-ms cpu-ms rss-kb".
start_once() {
  local java="$1" module="$2" port="$3" started now ticks rss
  shift 3
  started=$(date +%s%N)
  launch "$java" "$module" "$port" "$@"
  await_ready "$LAUNCHED" "$port"
  now=$(date +%s%N)
  ticks=$(awk '{print $14 + $15}' "/proc/$LAUNCHED/stat")
  rss=$(ps -o rss= -p "$LAUNCHED" | tr -d ' ')
  finish "$LAUNCHED"
  echo "$(((now - started) / 1000000)) $((ticks * 1000 / CLK_TCK)) $rss"
}


# archive_options java module record|use : the class-data options of this JDK, recording or using the archive (one
# archive per class path: LAUNCH_MODE)
archive_options() {
  local version archive
  version="$("$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }')"
  if [ "$version" -ge 25 ]; then
    archive="$ARCHIVES/$2-$version-${LAUNCH_MODE:-runner}.aot"
    [ "$3" = record ] && echo "-XX:AOTCacheOutput=$archive" || echo "-XX:AOTCache=$archive"
  else
    archive="$ARCHIVES/$2-$version-${LAUNCH_MODE:-runner}.jsa"
    [ "$3" = record ] && echo "-XX:ArchiveClassesAtExit=$archive" || echo "-XX:SharedArchiveFile=$archive"
  fi
}

row() { # label runs...
  local label="$1"
  shift
  printf '%-38s %12s %12s %12s\n' "$label" \
    "$(printf '%s\n' "$@" | awk '{print $1}' | median)" \
    "$(printf '%s\n' "$@" | awk '{print $2}' | median)" \
    "$(( $(printf '%s\n' "$@" | awk '{print $3}' | median) / 1024 ))"
}

measure() {
  local label="$1" java="$2" port=18281 module runs stack runner_mark="" flat_mark=""
  stack="$(stack_mode "$java")"
  if [ "$stack" = flat ]; then flat_mark=" *"; else runner_mark=" *"; fi
  echo "== $label ($("$java" -version 2>&1 | head -1)), median of $ROUNDS starts; * = what up.sh runs on it"
  printf '%-38s %12s %12s %12s\n' "service / variant" "ready (ms)" "CPU (ms)" "RSS (MB)"
  for module in "${MODULES[@]}"; do
    runs=()
    for _ in $(seq 1 "$ROUNDS"); do runs+=("$(start_once "$java" "$module" "$port")"); done
    row "$module plain" "${runs[@]}"
    # shellcheck disable=SC2046
    start_once "$java" "$module" "$port" $(archive_options "$java" "$module" record) > /dev/null
    runs=()
    # shellcheck disable=SC2046
    for _ in $(seq 1 "$ROUNDS"); do
      runs+=("$(start_once "$java" "$module" "$port" $(archive_options "$java" "$module" use))")
    done
    row "$module archive" "${runs[@]}"
    runs=()
    # shellcheck disable=SC2046,SC2086
    for _ in $(seq 1 "$ROUNDS"); do
      runs+=("$(start_once "$java" "$module" "$port" $LOCAL_OPTS $(archive_options "$java" "$module" use))")
    done
    row "$module local runner$runner_mark" "${runs[@]}"
    # the flat class path records its own archive, with the local options, as up.sh does
    # shellcheck disable=SC2046,SC2086
    LAUNCH_MODE=flat start_once "$java" "$module" "$port" $LOCAL_OPTS \
      $(LAUNCH_MODE=flat archive_options "$java" "$module" record) > /dev/null
    runs=()
    # shellcheck disable=SC2046,SC2086
    for _ in $(seq 1 "$ROUNDS"); do
      runs+=("$(LAUNCH_MODE=flat start_once "$java" "$module" "$port" $LOCAL_OPTS \
        $(LAUNCH_MODE=flat archive_options "$java" "$module" use))")
    done
    row "$module local flat$flat_mark" "${runs[@]}"
    port=$((port + 1))
  done
  echo "targets (each alone)                         < 1500       < 3000        < 200"
  local together started now pids=() i mode
  for mode in runner flat; do
    together=()
    for _ in $(seq 1 "$ROUNDS"); do
      started=$(date +%s%N)
      port=18281
      pids=()
      for module in "${MODULES[@]}"; do
        # shellcheck disable=SC2046,SC2086
        LAUNCH_MODE="$mode" launch "$java" "$module" "$port" $LOCAL_OPTS \
          $(LAUNCH_MODE="$mode" archive_options "$java" "$module" use)
        pids+=("$LAUNCHED")
        port=$((port + 1))
      done
      port=18281
      for i in "${!pids[@]}"; do await_ready "${pids[$i]}" $((port + i)); done
      now=$(date +%s%N)
      together+=("$(((now - started) / 1000000))")
      for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
      for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
      PIDS=()
    done
    [ "$mode" = "$stack" ] && mode="$mode *"
    echo "four together, local $mode: all ready after $(printf '%s\n' "${together[@]}" | median) ms (target < 5000)"
  done
}

measure "default JDK" java
if [ -x "$JDK25/bin/java" ]; then
  measure "JDK 25" "$JDK25/bin/java"
fi
