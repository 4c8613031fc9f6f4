# Shared by the benchmark scripts: starts a private PostgreSQL and Kafka (their own data directory and ports, so the
# local stack is untouched) and one packaged service against them, and stops everything on exit.
# shellcheck shell=bash
# Usage, after setting REPO: bench_start SERVICE-MODULE DATABASE HTTP-PORT PG-PORT KAFKA-PORT
# Sets SERVICE_PID, JDBC, KAFKA, BASE_URL and TOKEN (an organizer token), and CP (a classpath with the JDBC driver,
# Kafka clients and Jackson) for the benchmark's Java driver.
# BENCH_SERVICE_JAVA_OPTS adds JVM options to the service, e.g. a flight recording to see where its time goes.

# median : the median of the numbers on standard input, one per line
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

bench_start() {
  local module="$1" database="$2" port="$3"
  export CONVENE_DATA_DIR="$REPO/.data/bench-$database"
  export CONVENE_PG_PORT="$4" CONVENE_KAFKA_PORT="$5" CONVENE_KAFKA_CONTROLLER_PORT="$(($5 + 1))"
  # the mail catcher next to the broker, so that two benchmarks (or a benchmark and the local stack) never share it
  export CONVENE_SMTP_PORT="${CONVENE_SMTP_PORT:-$(($5 + 2))}" CONVENE_IMAP_PORT="${CONVENE_IMAP_PORT:-$(($5 + 3))}"
  JDBC="jdbc:postgresql://localhost:$CONVENE_PG_PORT/$database"
  KAFKA="localhost:$CONVENE_KAFKA_PORT"
  BASE_URL="http://localhost:$port"
  MANAGEMENT_URL="http://localhost:$((port + 1000))"
  CP="$REPO/deploy/local/infrastructure/target/lib/*"

  if [ ! -f "$REPO/$module/target/quarkus-app/quarkus-run.jar" ] \
    || [ ! -f "$REPO/deploy/local/infrastructure/target/convene-local-infrastructure-1.0.0-SNAPSHOT.jar" ]; then
    (cd "$REPO" && ./mvnw -q -DskipTests install -pl "$module,deploy/local/infrastructure" -am)
  fi
  rm -rf "$CONVENE_DATA_DIR/postgres" "$CONVENE_DATA_DIR/kafka"
  "$REPO/deploy/local/up.sh" --infra-only --no-build >/dev/null

  SERVICE_PID=""
  trap bench_stop EXIT
  QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$((port + 1000)) QUARKUS_DATASOURCE_JDBC_URL="$JDBC" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres KAFKA_BOOTSTRAP_SERVERS="$KAFKA" \
    NOTIFICATION_SECRETS_KEY="$(head -c 32 /dev/urandom | base64 | tr -d '\n')" \
    NOTIFICATION_WEBHOOKS_ALLOW_INSECURE=true NOTIFICATION_WEBHOOKS_ALLOWED_PRIVATE=127.0.0.1 \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$REPO/backbone/src/test/resources/dev-keys/jwt-public.pem" CONVENE_LOCAL_STACK=true \
    BACKBONE_RATE_LIMIT_ENABLED=false \
    QUARKUS_LOG_LEVEL=WARN java -Xmx512m ${BENCH_SERVICE_JAVA_OPTS:-} -jar "$REPO/$module/target/quarkus-app/quarkus-run.jar" \
    > "$CONVENE_DATA_DIR/$module.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "$MANAGEMENT_URL/q/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "$MANAGEMENT_URL/q/health/ready" >/dev/null || { tail -30 "$CONVENE_DATA_DIR/$module.log"; exit 1; }
  TOKEN="$("$REPO/deploy/local/token.sh" organizer bench@example.com)"
}

bench_memory() {
  echo "$1 resident memory after the run: $(ps -o rss= -p "$SERVICE_PID" | tr -d ' ') KB"
}

bench_stop() {
  if [ -n "${SERVICE_PID:-}" ]; then
    kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  fi
  "$REPO/deploy/local/down.sh" >/dev/null 2>&1 || true
}
