#!/usr/bin/env bash
# What polled and large answers put on the wire: a private PostgreSQL, Kafka and registration-service, loopback only.
# A weekly series with its private feed link, an event, and 100 days of overlapping meeting pairs that ten people are
# confirmed for (1,000 clashes) are made through the API; then each read is timed as a full answer (the baseline), as
# a poll carrying its tag (304), and gzipped for a client that asks. Usage: bench/wire/run.sh [REQUESTS]  (default 100)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=../lib.sh
. "$REPO/bench/lib.sh"
bench_start registration-service registration 18086 25466 9392
java -cp "$CP" "$REPO/bench/wire/WireBenchmark.java" "$BASE_URL" "$TOKEN" "${1:-100}"
bench_memory registration-service
