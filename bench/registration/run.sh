#!/usr/bin/env bash
# Registration benchmark: a private PostgreSQL, Kafka and registration-service, driven from this machine's loopback
# only: a burst of concurrent registrations for one event, the same statements over JDBC as a baseline in the same
# run, roll paging with 100,000 registrations and their CSV export. Usage: bench/registration/run.sh [BURST] [SEATS]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=../lib.sh
. "$REPO/bench/lib.sh"
bench_start registration-service registration 18081 55442 9192
java -cp "$CP" "$REPO/bench/registration/RegistrationBenchmark.java" "$BASE_URL" "$JDBC" "$TOKEN" \
  "${1:-2000}" "${2:-100}" 20 "$SERVICE_PID"
bench_memory registration-service
