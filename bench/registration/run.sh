#!/usr/bin/env bash
# Registration benchmark: starts its own PostgreSQL, Kafka and registration-service (separate data directory and
# ports, so the local stack is untouched), drives them from this machine's loopback only, prints the figures, and
# stops everything. Usage: bench/registration/run.sh [BURST] [SEATS]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
BURST="${1:-2000}"
SEATS="${2:-100}"
export CONVENE_DATA_DIR="$REPO/.data/bench-registration"
export CONVENE_PG_PORT=55442 CONVENE_KAFKA_PORT=9192 CONVENE_KAFKA_CONTROLLER_PORT=9193
PORT=18081
JDBC="jdbc:postgresql://localhost:$CONVENE_PG_PORT/registration"

if [ ! -f "$REPO/registration-service/target/quarkus-app/quarkus-run.jar" ] \
  || [ ! -f "$REPO/deploy/local/infrastructure/target/convene-local-infrastructure-1.0.0-SNAPSHOT.jar" ]; then
  (cd "$REPO" && ./mvnw -q -DskipTests install -pl registration-service,deploy/local/infrastructure -am)
fi
rm -rf "$CONVENE_DATA_DIR/postgres" "$CONVENE_DATA_DIR/kafka"
"$REPO/deploy/local/up.sh" --infra-only --no-build >/dev/null

SERVICE_PID=""
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  "$REPO/deploy/local/down.sh" >/dev/null 2>&1 || true
}
trap cleanup EXIT

QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="$JDBC" KAFKA_BOOTSTRAP_SERVERS="localhost:$CONVENE_KAFKA_PORT" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$REPO/backbone/src/main/resources/dev-keys/jwt-public.pem" \
  QUARKUS_LOG_LEVEL=WARN java -Xmx512m -jar "$REPO/registration-service/target/quarkus-app/quarkus-run.jar" \
  > "$CONVENE_DATA_DIR/registration-service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null || { tail -30 "$CONVENE_DATA_DIR/registration-service.log"; exit 1; }

TOKEN="$("$REPO/deploy/local/token.sh" organizer bench@example.com)"
CP="$REPO/deploy/local/infrastructure/target/lib/*"
java -cp "$CP" "$REPO/bench/registration/RegistrationBenchmark.java" "http://localhost:$PORT" "$JDBC" "$TOKEN" \
  "$BURST" "$SEATS" 20
echo "registration-service resident memory after the run: $(ps -o rss= -p "$SERVICE_PID" | tr -d ' ') KB"
