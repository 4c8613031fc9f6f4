#!/usr/bin/env bash
# Notification benchmark: a private PostgreSQL, Kafka and notification-service; announces events as the other
# services would and measures the time from the last input event of an event to a briefing rendered with it.
# Loopback only; bounded counts. No SMTP server is needed: no recipients are registered, the benchmark reads the
# rendered briefing over HTTP. Usage: bench/notification/run.sh [EVENTS]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=../lib.sh
. "$REPO/bench/lib.sh"
bench_start notification-service notification 18084 25452 9292
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$REPO/bench/notification/NotificationBenchmark.java" \
  "$BASE_URL" "$KAFKA" "$TOKEN" "${1:-200}"
bench_memory notification-service
