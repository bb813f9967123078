#!/usr/bin/env bash
# Stops what deploy/local/start.sh and deploy/local/infra.sh started, and nothing else:
#   - the platform processes listed in deploy/local/.run/*.pid (SIGTERM, SIGKILL after 10 s);
#   - RabbitMQ / PostgreSQL only when deploy/local/.run/infra-started says infra.sh started them.
# Usage: deploy/local/stop.sh [--keep-infra]     (idempotent: running it twice is harmless)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="$SCRIPT_DIR/.run"
MARKER="$RUN_DIR/infra-started"
PG_VERSION="${CRM_PG_VERSION:-15}"
PG_CLUSTER="main"
# Reverse start order: services first, the gateway (token issuer) last.
PROCESSES=(hospitality complaints contracts visits customers gateway)

keep_infra=0
for arg in "$@"; do
  case "$arg" in
    --keep-infra) keep_infra=1 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { printf '[stop] %s\n' "$*"; }

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
export RABBITMQ_NODENAME=rabbit@localhost ERL_EPMD_ADDRESS=127.0.0.1

# True when pid is alive AND still the process we started (guards against pid reuse after a reboot).
is_ours() {
  local pid="$1" dll="$2"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dll"
}

stop_process() {
  local name="$1" pidfile="$RUN_DIR/$1.pid" pid dll
  [ -f "$pidfile" ] || return 0
  read -r pid dll < "$pidfile" || true
  dll="${dll:-dotnet}"
  if ! is_ours "$pid" "$dll"; then
    log "$name: not running (stale pid file removed)"
    rm -f "$pidfile"; return 0
  fi
  log "$name: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do is_ours "$pid" "$dll" || break; sleep 0.5; done
  if is_ours "$pid" "$dll"; then
    log "$name: still alive after 10 s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$pidfile"
}

for name in "${PROCESSES[@]}"; do stop_process "$name"; done

if [ $keep_infra -eq 1 ]; then
  log "--keep-infra: leaving RabbitMQ and PostgreSQL running"
  exit 0
fi
if [ ! -s "$MARKER" ]; then
  log "infra.sh started no infrastructure that is still running; nothing else to stop"
  exit 0
fi

unmark() { sed -i "/^$1\$/d" "$MARKER"; }

if grep -qx rabbitmq "$MARKER"; then
  if timeout 30 "${SUDO[@]}" rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
    log "stopping RabbitMQ (rabbit@localhost)"
    "${SUDO[@]}" rabbitmqctl -q stop >/dev/null
  else
    log "RabbitMQ already stopped"
  fi
  # epmd outlives the node; stop it too when no other Erlang node still uses it.
  if command -v epmd >/dev/null && ! epmd -names 2>/dev/null | grep -q '^name '; then
    epmd -kill >/dev/null 2>&1 || true
  fi
  unmark rabbitmq
fi

if grep -qx postgresql "$MARKER"; then
  if pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c && $4=="online" {f=1} END {exit !f}'; then
    log "stopping PostgreSQL $PG_VERSION/$PG_CLUSTER"
    "${SUDO[@]}" pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop -m fast
  else
    log "PostgreSQL $PG_VERSION/$PG_CLUSTER already stopped"
  fi
  unmark postgresql
fi
log "done"
