#!/usr/bin/env bash
# Prints the mail the local stack sent to an address, oldest first, one JSON object per line:
#   {"subject", "from", "to", "cc", "date", "attachments" (file names), "text" (plain-text body), "file" (.eml)}
#   deploy/local/mailbox.sh EMAIL
#   deploy/local/mailbox.sh --addresses     every address that received mail, with counts
# The mail catcher (started by up.sh) keeps each message in .data/local/mail/<address>/, so this works while the
# stack is down too. Example: deploy/local/mailbox.sh anna@example.com | jq -r .subject
set -euo pipefail

# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ $# -ne 1 ] || { [ "$1" != --addresses ] && [[ "$1" != *@* ]]; }; then
  echo "usage: deploy/local/mailbox.sh EMAIL | --addresses" >&2
  exit 2
fi

infra_built || build_infra
exec "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dconvene.mail.spool="$MAIL_DIR" \
  -cp "$INFRA_CP" app.convene.local.Mailbox "$1"
