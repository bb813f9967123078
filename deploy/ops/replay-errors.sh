#!/usr/bin/env bash
# Moves the messages that consumers gave up on (poison, or lost before a fix) from their _error queues back to the
# queues they came from, so they are consumed again. Consumers are idempotent (their inbox), so a message that had in
# fact taken effect has no second effect. Uses RabbitMQ's shovel plugin through the management API, the same as
# "Move messages" in the management UI; deploy/local/infra.sh enables the plugin.
#
# Usage: deploy/ops/replay-errors.sh [--vhost VHOST] [--api URL] [--user USER:PASS] [--list] [QUEUE ...]
#   QUEUE       a consumer queue (customers-contract-signed) or its error queue (customers-contract-signed_error);
#               none: every _error queue of the virtual host that holds messages
#   --list      only show the _error queues and their message counts
# Defaults: --vhost / --api http://127.0.0.1:15672 --user crm:crm (or RABBITMQ_API, RABBITMQ_VHOST, RABBITMQ_USER)
set -euo pipefail

api="${RABBITMQ_API:-http://127.0.0.1:15672}"
vhost="${RABBITMQ_VHOST:-/}"
user="${RABBITMQ_USER:-crm:crm}"
list_only=0
queues=()
while [ $# -gt 0 ]; do
  case "$1" in
    --vhost) vhost="$2"; shift 2 ;;
    --api) api="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --list) list_only=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) queues+=("${1%_error}"); shift ;;
  esac
done

command -v curl >/dev/null && command -v jq >/dev/null || { echo "needs curl and jq" >&2; exit 2; }
enc() { jq -rn --arg v "$1" '$v|@uri'; }
call() { curl -fsS -u "$user" -H 'content-type: application/json' "$@"; }
vh=$(enc "$vhost")

error_queues=$(call "$api/api/queues/$vh?columns=name,messages" | jq -r '.[] | select(.name | endswith("_error")) | "\(.name) \(.messages // 0)"')
if [ $list_only -eq 1 ]; then
  echo "${error_queues:-(no _error queues)}"
  exit 0
fi
if [ ${#queues[@]} -eq 0 ]; then
  while read -r name count; do
    [ -n "$name" ] && [ "$count" -gt 0 ] && queues+=("${name%_error}")
  done <<< "$error_queues"
fi
[ ${#queues[@]} -gt 0 ] || { echo "no messages in any _error queue of vhost $vhost"; exit 0; }

for queue in "${queues[@]}"; do
  source="${queue}_error"
  count=$(awk -v q="$source" '$1 == q { print $2 }' <<< "$error_queues")
  if [ -z "$count" ] || [ "$count" -eq 0 ]; then
    echo "$source: empty"
    continue
  fi
  shovel="replay-$queue-$(date +%s)"
  # src-delete-after queue-length: move what is there now, then the shovel removes itself.
  body=$(jq -n --arg src "$source" --arg dest "$queue" --arg uri "amqp:///$vh" '{value: {
    "src-protocol": "amqp091", "src-uri": $uri, "src-queue": $src,
    "dest-protocol": "amqp091", "dest-uri": $uri, "dest-queue": $dest,
    "src-delete-after": "queue-length", "ack-mode": "on-confirm"}}')
  call -X PUT "$api/api/parameters/shovel/$vh/$(enc "$shovel")" -d "$body" >/dev/null
  for _ in $(seq 1 300); do
    if ! call "$api/api/parameters/shovel/$vh/$(enc "$shovel")" >/dev/null 2>&1; then break; fi
    sleep 0.2
  done
  echo "$source → $queue: $count message(s) moved back"
done
