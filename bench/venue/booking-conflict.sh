#!/usr/bin/env bash
# Booking conflict check latency with 10,000 bookings of one venue, against an embedded PostgreSQL 18 built from the
# venue-service migrations; prints percentiles and ratios to baselines measured in the same run. Loopback only,
# bounded: 3,000 measured runs per operation. Usage: bench/venue/booking-conflict.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -o -q dependency:build-classpath -pl venue-service -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" \
  >/dev/null 2>&1 || ./mvnw -q dependency:build-classpath -pl venue-service -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file"
exec java -cp "$(cat "$cp_file")" "$root/bench/venue/BookingConflictBench.java" "$root"
