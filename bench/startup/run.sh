#!/usr/bin/env bash
# Start-up of each packaged service alone, against a private PostgreSQL and Kafka (the local stack is untouched):
# wall time from `java -jar` to /q/health/ready answering 200, the CPU seconds the JVM spent until then, and its
# resident memory at that moment. Each service is started ROUNDS times (default 3) and the median is printed next
# to the targets of issue #17 (ready < 1.5 s, < 3 CPU-seconds, < 200 MB). With JDK25=/path/to/jdk-25 set (default:
# /usr/lib/jvm/temurin-25-jdk-amd64 when present) every figure is also taken on that JDK, in the same run.
# Usage: bench/startup/run.sh [ROUNDS]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
ROUNDS="${1:-3}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
MODULES=(registration-service budget-service venue-service notification-service)
export CONVENE_DATA_DIR="$REPO/.data/bench-startup" CONVENE_PG_PORT=56432 CONVENE_KAFKA_PORT=19092 \
  CONVENE_KAFKA_CONTROLLER_PORT=19093
CLK_TCK=$(getconf CLK_TCK)

for module in "${MODULES[@]}"; do
  if [ ! -f "$REPO/$module/target/quarkus-app/quarkus-run.jar" ]; then
    (cd "$REPO" && ./mvnw -q -B -DskipTests install -pl "$module,deploy/local/infrastructure" -am)
  fi
done
rm -rf "$CONVENE_DATA_DIR/postgres" "$CONVENE_DATA_DIR/kafka"
"$REPO/deploy/local/up.sh" --infra-only --no-build > /dev/null
SERVICE_PID=""
stop() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2> /dev/null && wait "$SERVICE_PID" 2> /dev/null || true
  "$REPO/deploy/local/down.sh" > /dev/null 2>&1 || true
}
trap stop EXIT

# One start: prints "wall-ms cpu-ms rss-kb".
start_once() {
  local java="$1" module="$2" port="$3" database="${2%-service}"
  local started now ticks
  started=$(date +%s%N)
  QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$((port + 1000)) \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$CONVENE_PG_PORT/$database" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    KAFKA_BOOTSTRAP_SERVERS="localhost:$CONVENE_KAFKA_PORT" \
    NOTIFICATION_SECRETS_KEY="$(head -c 32 /dev/urandom | base64 | tr -d '\n')" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$REPO/backbone/src/test/resources/dev-keys/jwt-public.pem" \
    CONVENE_LOCAL_STACK=true QUARKUS_LOG_LEVEL=WARN \
    "$java" -jar "$REPO/$module/target/quarkus-app/quarkus-run.jar" > "$CONVENE_DATA_DIR/$module.log" 2>&1 &
  SERVICE_PID=$!
  until curl -fs -o /dev/null "http://localhost:$((port + 1000))/q/health/ready" 2> /dev/null; do
    if ! kill -0 "$SERVICE_PID" 2> /dev/null; then
      tail -20 "$CONVENE_DATA_DIR/$module.log" >&2
      exit 1
    fi
    sleep 0.02
  done
  now=$(date +%s%N)
  ticks=$(awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat")
  echo "$(((now - started) / 1000000)) $((ticks * 1000 / CLK_TCK)) $(ps -o rss= -p "$SERVICE_PID" | tr -d ' ')"
  kill "$SERVICE_PID" && wait "$SERVICE_PID" 2> /dev/null || true
  SERVICE_PID=""
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

measure() {
  local label="$1" java="$2"
  echo "== $label ($("$java" -version 2>&1 | head -1))"
  printf '%-22s %12s %12s %12s\n' service "ready (ms)" "CPU (ms)" "RSS (MB)"
  local port=18281
  for module in "${MODULES[@]}"; do
    local runs=()
    for _ in $(seq 1 "$ROUNDS"); do
      runs+=("$(start_once "$java" "$module" "$port")")
    done
    printf '%-22s %12s %12s %12s\n' "$module" \
      "$(printf '%s\n' "${runs[@]}" | awk '{print $1}' | median)" \
      "$(printf '%s\n' "${runs[@]}" | awk '{print $2}' | median)" \
      "$(( $(printf '%s\n' "${runs[@]}" | awk '{print $3}' | median) / 1024 ))"
    port=$((port + 1))
  done
  echo "targets                        < 1500       < 3000        < 200"
}

measure "default JDK" java
if [ -x "$JDK25/bin/java" ]; then
  measure "JDK 25" "$JDK25/bin/java"
fi
