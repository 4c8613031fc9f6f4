#!/usr/bin/env bash
# Event hops and whole-stack throughput: the four packaged services against a private PostgreSQL and Kafka (their own
# data directory and ports, so the local stack is untouched), driven from this machine's loopback only.
# Registrations are offered at steady rates (each for SECONDS, default 60) while a probe registration every 200 ms is
# timed from its 201 until budget-service's headcount and notification-service's read model count it, and until its
# confirmation mail is in the mail catcher's mailbox of the attendee; then the
# whole stack's rate against registration-service's alone (the consumers stopped) with the same burst; and, for each
# rate, the CPU each process of the stack (PostgreSQL with its backends, Kafka, the mail catcher) used per registration.
# Usage: bench/hop/run.sh [SECONDS] [RATES] [BURST]    e.g. bench/hop/run.sh 20 10,30,100 2000
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
SECONDS_PER_RATE="${1:-60}"
RATES="${2:-10,30,100}"
BURST="${3:-3000}"
MODULES=(registration-service budget-service venue-service notification-service)

export CONVENE_DATA_DIR="$REPO/.data/bench-hop" CONVENE_PG_PORT=25462 CONVENE_KAFKA_PORT=9312 \
  CONVENE_KAFKA_CONTROLLER_PORT=9313 CONVENE_SMTP_PORT=12625 CONVENE_IMAP_PORT=13243 \
  CONVENE_REGISTRATION_PORT=18181 CONVENE_BUDGET_PORT=18182 CONVENE_VENUE_PORT=18183 CONVENE_NOTIFICATION_PORT=18184
# The services' settings for a benchmark: no per-organisation rate limit, quiet logs.
export BACKBONE_RATE_LIMIT_ENABLED=false QUARKUS_LOG_LEVEL=WARN

missing=""
for module in "${MODULES[@]}"; do
  [ -f "$REPO/$module/target/quarkus-app/quarkus-run.jar" ] || missing="$missing,$module"
done
[ -f "$REPO/deploy/local/infrastructure/target/convene-local-infrastructure-1.0.0-SNAPSHOT.jar" ] \
  || missing="$missing,deploy/local/infrastructure"
if [ -n "$missing" ]; then
  (cd "$REPO" && ./mvnw -B -ntp -q package -DskipTests -pl "${missing#,}" -am)
fi

rm -rf "$CONVENE_DATA_DIR/postgres" "$CONVENE_DATA_DIR/kafka" "$CONVENE_DATA_DIR/mail"
stop() { "$REPO/deploy/local/down.sh" > /dev/null 2>&1 || true; }
trap stop EXIT
"$REPO/deploy/local/up.sh" --no-build --timeout 300 > /dev/null

pid() { tr -dc '0-9' < "$CONVENE_DATA_DIR/run/$1.pid"; }
# PostgreSQL's server (its backends are its children), not the launcher that started it.
pg_server() { head -n 1 "$CONVENE_DATA_DIR/postgres/postmaster.pid" 2>/dev/null | tr -dc '0-9'; }
TOKEN="$("$REPO/deploy/local/token.sh" organizer bench@example.com)"
CP="$REPO/deploy/local/infrastructure/target/lib/*"
java -cp "$CP" -Dhop.mail="$CONVENE_DATA_DIR/mail" "$REPO/bench/hop/HopBenchmark.java" "http://localhost:$CONVENE_REGISTRATION_PORT" \
  "http://localhost:$CONVENE_BUDGET_PORT" "http://localhost:$CONVENE_NOTIFICATION_PORT" "$TOKEN" \
  "$SECONDS_PER_RATE" "$RATES" "$BURST" "$(pid budget-service),$(pid venue-service),$(pid notification-service)" \
  "registration=$(pid registration-service),budget=$(pid budget-service),venue=$(pid venue-service),\
notification=$(pid notification-service),postgres=$(pg_server),kafka=$(pid kafka),mailbox=$(pid mailbox)"
for module in "${MODULES[@]}"; do
  echo "$module resident memory after the run: $(($(ps -o rss= -p "$(pid "$module")" | tr -d ' ') / 1024)) MB"
done
