#!/usr/bin/env bash
# The whole local stack as deploy/local/up.sh runs it, started again and again on kept data (its "second start"):
# how long up.sh takes until every part is ready, and each service's resident memory 15 s after that (its memory at
# ready, with the local stack's own JVM options). A private data directory and ports, so the local stack is untouched.
# One start first, not counted: on a new build it records the class-data archives that the later starts use.
# After each start, how long down.sh takes to stop the whole stack (the services first, all at once).
# Prints each start, then the medians next to the README's targets (up.sh second start < 15 s, resident memory
# at ready < 200 MB per service). up.sh sees this environment: JAVA_HOME picks the JDK, CONVENE_SERVICE_CLASS_PATH the
# class path (deploy/local/README.md). Usage: bench/startup/stack.sh [STARTS]    (default 3)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=../lib.sh
. "$REPO/bench/lib.sh"
STARTS="${1:-3}"
MODULES=(registration-service budget-service venue-service notification-service)
export CONVENE_DATA_DIR="$REPO/.data/bench-stack" CONVENE_PG_PORT=25472 CONVENE_KAFKA_PORT=9322 \
  CONVENE_KAFKA_CONTROLLER_PORT=9323 CONVENE_SMTP_PORT=12635 CONVENE_IMAP_PORT=13253 \
  CONVENE_REGISTRATION_PORT=18191 CONVENE_BUDGET_PORT=18192 CONVENE_VENUE_PORT=18193 CONVENE_NOTIFICATION_PORT=18194
SETTLE_SECONDS=15

up() { "$REPO/deploy/local/up.sh" "$@"; }
down() { "$REPO/deploy/local/down.sh" > /dev/null 2>&1 || true; }
pid() { tr -dc '0-9' < "$CONVENE_DATA_DIR/run/$1.pid"; }
rss_mb() { echo $(( $(ps -o rss= -p "$1" | tr -d ' ') / 1024 )); }

trap down EXIT
down
# the build, when a jar is missing, and the start that records the class-data archives of this build
up > /dev/null
down

# shellcheck disable=SC1091
(. "$REPO/deploy/local/lib.sh" && echo "$("$JAVA" -version 2>&1 | head -1), class path: $(service_class_path_mode)")
ready_times=()
stop_times=()
declare -a rss_by_module
for ((i = 1; i <= STARTS; i++)); do
  output="$(up --no-build)"
  ready="$(printf '%s\n' "$output" | sed -n 's/.*all ready after \([0-9.]*\) s.*/\1/p')"
  ready_times+=("$ready")
  sleep "$SETTLE_SECONDS"
  line="start $i: all ready after $ready s; resident memory $SETTLE_SECONDS s later:"
  for m in "${!MODULES[@]}"; do
    rss="$(rss_mb "$(pid "${MODULES[$m]}")")"
    rss_by_module[m]="${rss_by_module[m]:-} $rss"
    line="$line ${MODULES[$m]%-service} $rss MB"
  done
  stopping=$(date +%s%N)
  down
  stop_times+=("$(awk -v ns="$(($(date +%s%N) - stopping))" 'BEGIN { printf "%.1f", ns / 1e9 }')")
  echo "$line; down.sh took ${stop_times[-1]} s"
done

echo
echo "up.sh second start, all ready: median $(printf '%s\n' "${ready_times[@]}" | median) s of $STARTS (target < 15 s)"
echo "down.sh, the whole stack stopped: median $(printf '%s\n' "${stop_times[@]}" | median) s of $STARTS"
for m in "${!MODULES[@]}"; do
  # shellcheck disable=SC2086
  echo "${MODULES[$m]} resident memory at ready: median $(printf '%s\n' ${rss_by_module[m]} | median) MB (target < 200 MB)"
done
