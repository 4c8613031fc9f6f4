#!/usr/bin/env bash
# Budget figures: recompute of a 10,000-line budget and export of 100,000 journal lines, each next to a baseline
# measured in the same run on the same data (the bare SQL read, and PostgreSQL's COPY of the ledger rows).
#
# Starts what it needs in one JVM: budget-service (Quarkus test mode, real HTTP), an embedded PostgreSQL and an
# in-JVM Kafka broker, all on loopback with free ports. Bounded: a fixed number of runs of each operation.
# The driver is budget-service/src/test/java/app/convene/budget/bench/BudgetBenchmark.java (not a test: Surefire
# does not select it by name, and it asserts no time).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

OFFLINE=-o
[ "${1:-}" = "--online" ] && OFFLINE=

./mvnw $OFFLINE -q install -pl backbone -DskipTests
log="$(mktemp -t budget-bench.XXXXXX.log)"
if ! ./mvnw $OFFLINE test -pl budget-service -Dtest=BudgetBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    > "$log" 2>&1; then
  echo "benchmark run failed; see $log" >&2
  exit 1
fi
grep '^BENCH' "$log"
echo "(full log: $log)"
