#!/bin/sh
# Entry point of the compose stack's Alertmanager: Alertmanager does not read the environment, so the webhook URLs
# (secrets: they carry tokens) are put into the ${...} placeholders of alertmanager.yml here, into a file outside the
# repository and the data volume, and Alertmanager starts on it.
# `start.sh render` only writes the file (PrometheusAlertRulesTest checks the result with amtool).
set -eu
: "${ALERT_PAGE_WEBHOOK_URL:?set ALERT_PAGE_WEBHOOK_URL (the on-call tool's webhook: alerts with severity page)}"
: "${ALERT_TICKET_WEBHOOK_URL:?set ALERT_TICKET_WEBHOOK_URL (the team's chat or ticket webhook: every other alert)}"
template="${AM_TEMPLATE:-/etc/alertmanager/alertmanager.yml}"
config="${AM_CONFIG:-/tmp/alertmanager.yml}"

# the URLs go into single-quoted YAML strings (a ' is written '') through a sed replacement (where & | \ are special)
escape() { printf '%s' "$1" | sed -e "s/'/''/g" -e 's/[\\&|]/\\&/g'; }

umask 077
sed -e "s|\${ALERT_PAGE_WEBHOOK_URL}|$(escape "$ALERT_PAGE_WEBHOOK_URL")|" \
    -e "s|\${ALERT_TICKET_WEBHOOK_URL}|$(escape "$ALERT_TICKET_WEBHOOK_URL")|" "$template" > "$config"
[ "${1:-}" = render ] && exit 0
exec /bin/alertmanager --config.file="$config" --storage.path=/alertmanager "$@"
