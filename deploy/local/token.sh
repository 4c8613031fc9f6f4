#!/usr/bin/env bash
# Prints a bearer token for the local stack, and nothing else on standard output:
#   curl -H "Authorization: Bearer $(deploy/local/token.sh organizer)" http://localhost:8081/...
#   deploy/local/token.sh ROLE [SUBJECT] [ORG]   (SUBJECT defaults to ROLE@example.com, ORG to acme)
set -euo pipefail

# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
  echo "usage: deploy/local/token.sh organizer|finance|facility|attendee|operator|privacy-officer|administrator [SUBJECT] [ORG]" >&2
  exit 2
fi
case "$1" in
  organizer|finance|facility|attendee|operator|privacy-officer|administrator) ;;
  *) echo "unknown role '$1': expected organizer, finance, facility, attendee, operator, privacy-officer or administrator" >&2; exit 2 ;;
esac

infra_built || build_infra
exec "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dconvene.jwt.private-key="$JWT_PRIVATE_KEY" \
  -cp "$INFRA_CP" app.convene.local.DevToken "$1" "${2:-$1@example.com}" "${3:-acme}"
