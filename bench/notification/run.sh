#!/usr/bin/env bash
# Notification benchmark: starts its own PostgreSQL, Kafka and notification-service (separate data directory and
# ports, so the local stack is untouched), announces events as the other services would, and measures the time from
# the last input event of an event to a briefing rendered with it. Loopback only; bounded counts.
# Usage: bench/notification/run.sh [EVENTS]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
EVENTS="${1:-200}"
export CONVENE_DATA_DIR="$REPO/.data/bench-notification"
export CONVENE_PG_PORT=55452 CONVENE_KAFKA_PORT=9292 CONVENE_KAFKA_CONTROLLER_PORT=9293
PORT=18084
JDBC="jdbc:postgresql://localhost:$CONVENE_PG_PORT/notification"

if [ ! -f "$REPO/notification-service/target/quarkus-app/quarkus-run.jar" ] \
  || [ ! -f "$REPO/deploy/local/infrastructure/target/convene-local-infrastructure-1.0.0-SNAPSHOT.jar" ]; then
  (cd "$REPO" && ./mvnw -q -DskipTests install -pl notification-service,deploy/local/infrastructure -am)
fi
rm -rf "$CONVENE_DATA_DIR/postgres" "$CONVENE_DATA_DIR/kafka"
"$REPO/deploy/local/up.sh" --infra-only --no-build >/dev/null

SERVICE_PID=""
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  "$REPO/deploy/local/down.sh" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# No SMTP server is needed: no recipients are registered, the benchmark reads the rendered briefing over HTTP.
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="$JDBC" KAFKA_BOOTSTRAP_SERVERS="localhost:$CONVENE_KAFKA_PORT" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$REPO/backbone/src/main/resources/dev-keys/jwt-public.pem" \
  QUARKUS_LOG_LEVEL=WARN java -Xmx512m -jar "$REPO/notification-service/target/quarkus-app/quarkus-run.jar" \
  > "$CONVENE_DATA_DIR/notification-service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null || { tail -30 "$CONVENE_DATA_DIR/notification-service.log"; exit 1; }

TOKEN="$("$REPO/deploy/local/token.sh" organizer bench@example.com)"
CP="$REPO/deploy/local/infrastructure/target/lib/*"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$REPO/bench/notification/NotificationBenchmark.java" "http://localhost:$PORT" \
  "localhost:$CONVENE_KAFKA_PORT" "$TOKEN" "$EVENTS"
echo "notification-service resident memory after the run: $(ps -o rss= -p "$SERVICE_PID" | tr -d ' ') KB"
