#!/usr/bin/env bash
# Budget benchmark: a private PostgreSQL, Kafka and budget-service, driven from this machine's loopback only:
# recompute of a 10,000-line budget, its view (summary plus a page of lines, and whole), export of 100,000 journal
# lines (synchronously and as an export job, the service's resident memory sampled meanwhile), the first page of a
# 50,000-entry ledger and a roll-up of 200 budgets, each next to its target (README, "Performance") and to a baseline
# measured in the same run on the same data (the bare SQL read of the lines, PostgreSQL's COPY of the ledger rows,
# the page's rows, the roll-up's lines summed). Bounded: a fixed number of runs of each operation.
# Usage: bench/budget/run.sh
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=../lib.sh
. "$REPO/bench/lib.sh"
# The benchmark exports 100,000 journal lines at once, more than the service answers synchronously by default.
export BUDGET_EXPORT_SYNCHRONOUS_LIMIT=1000000
# Its own mail catcher ports too, so it runs beside the local stack and other benchmarks.
export CONVENE_SMTP_PORT="${CONVENE_SMTP_PORT:-2547}" CONVENE_IMAP_PORT="${CONVENE_IMAP_PORT:-3147}"
bench_start budget-service budget 18082 25447 9242
FINANCE="$("$REPO/deploy/local/token.sh" finance bench@example.com)"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$REPO/bench/budget/BudgetBenchmark.java" \
  "$BASE_URL" "$JDBC" "$KAFKA" "$FINANCE" "$SERVICE_PID"
bench_memory budget-service
