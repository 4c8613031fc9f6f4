#!/usr/bin/env bash
# The statements PostgreSQL executes for one registration through registration-service (the relay's included): a
# private PostgreSQL, Kafka and service (the registration benchmark's ports), a few registrations one after the other
# with every statement logged, and the count of each per registration. Usage: bench/registration/statements.sh [N]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=../lib.sh
. "$REPO/bench/lib.sh"
export CONVENE_SMTP_PORT="${CONVENE_SMTP_PORT:-9195}" CONVENE_IMAP_PORT="${CONVENE_IMAP_PORT:-9196}"
trap bench_stop EXIT
bench_start registration-service registration 18081 25442 9192
java -cp "$CP" "$REPO/bench/registration/StatementCount.java" "$BASE_URL" "$JDBC" "$TOKEN" \
  "$CONVENE_DATA_DIR/logs/postgres.log" "${1:-20}"
