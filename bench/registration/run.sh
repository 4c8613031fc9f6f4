#!/usr/bin/env bash
# Registration benchmark: a private PostgreSQL, Kafka and registration-service, driven from this machine's loopback
# only: a burst of concurrent registrations for one event, the same statements over JDBC as a baseline in the same
# run (ROUNDS measured rounds, each printed, then their median), roll paging with 100,000 registrations and their CSV
# export. Usage: bench/registration/run.sh [ROUNDS] [BURST] [SEATS]   (defaults: 5 rounds of 2000 for 100 seats);
# BENCH_IDEMPOTENCY_KEYS=on sends every registration with an Idempotency-Key, as the product's clients do.
# BENCH_CLIENT_JAVA_OPTS adds JVM options to the benchmark's own client (BENCH_SERVICE_JAVA_OPTS, see bench/lib.sh, to the service).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=../lib.sh
. "$REPO/bench/lib.sh"
# The mail catcher's ports too are this benchmark's own, so it runs beside the local stack and the other benchmarks.
export CONVENE_SMTP_PORT="${CONVENE_SMTP_PORT:-9195}" CONVENE_IMAP_PORT="${CONVENE_IMAP_PORT:-9196}"
# Whatever did start is stopped also when the start itself fails.
trap bench_stop EXIT
bench_start registration-service registration 18081 25442 9192
# The benchmark's PostgreSQL server (its backends are its children): only its CPU is counted, not other servers'.
PG_SERVER_PID="$(head -n 1 "$CONVENE_DATA_DIR/postgres/postmaster.pid" | tr -dc '0-9')"
OUT="$CONVENE_DATA_DIR/benchmark.out"
java ${BENCH_CLIENT_JAVA_OPTS:-} -cp "$CP" "$REPO/bench/registration/RegistrationBenchmark.java" "$BASE_URL" "$JDBC" "$TOKEN" \
  "${2:-2000}" "${3:-100}" 20 "$SERVICE_PID" "${1:-5}" "$PG_SERVER_PID" | tee "$OUT"
# The roll once more, paged by a client of its own: a fresh JVM that holds nothing but its pages.
read -r ROLL_EVENT ROLL_FIRST ROLL_FILLED < <(sed -n 's/^Roll event for a client of its own: //p' "$OUT")
java ${BENCH_CLIENT_JAVA_OPTS:-} -cp "$CP" "$REPO/bench/registration/RegistrationBenchmark.java" roll "$BASE_URL" "$JDBC" \
  "$TOKEN" "$ROLL_EVENT" "$ROLL_FIRST" "$ROLL_FILLED"
bench_memory registration-service
