#!/usr/bin/env bash
# Runs Crm.Platform distributed on this machine: RabbitMQ + PostgreSQL (via infra.sh), the YARP gateway
# on :5000, the five services on :5101-5105 and the portal on :5106, each as its own `dotnet <dll>` process in the background.
# Logs and pids: deploy/local/.run/<name>.log / <name>.pid.  Stop with deploy/local/stop.sh.
# Usage: deploy/local/start.sh [--no-build]        (works from any directory)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
RUN_DIR="$SCRIPT_DIR/.run"
READY_TIMEOUT=90

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { printf '[start] %s\n' "$*"; }
die() { printf '[start] ERROR: %s\n' "$*" >&2; exit 1; }

# name port dll (relative to the repo root). The gateway comes first: it issues the tokens and
# serves the signing keys the services fetch.
PROCESSES=(
  "gateway     5000 gateway/Crm.Gateway/bin/Release/net10.0/Crm.Gateway.dll"
  "customers   5101 services/Customers/Crm.Customers/bin/Release/net10.0/Crm.Customers.dll"
  "visits      5102 services/Visits/Crm.Visits/bin/Release/net10.0/Crm.Visits.dll"
  "contracts   5103 services/Contracts/Crm.Contracts/bin/Release/net10.0/Crm.Contracts.dll"
  "complaints  5104 services/Complaints/Crm.Complaints/bin/Release/net10.0/Crm.Complaints.dll"
  "hospitality 5105 services/Hospitality/Crm.Hospitality/bin/Release/net10.0/Crm.Hospitality.dll"
  "portal      5106 portal/Crm.Portal/bin/Release/net10.0/Crm.Portal.dll"
)
SERVICES=(customers visits contracts complaints hospitality)
GATEWAY_URL="http://127.0.0.1:5000"

command -v dotnet >/dev/null || die "dotnet SDK not found on PATH"
command -v curl >/dev/null || die "curl not found (infra.sh installs it)"
mkdir -p "$RUN_DIR"

# ---------------------------------------------------------------- infrastructure and databases
"$SCRIPT_DIR/infra.sh"

export PGPASSWORD=crm
psql_crm() { psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U crm -d postgres -tA "$@"; }
for db in crm_customers crm_visits crm_contracts crm_complaints crm_hospitality crm_gateway; do
  if [ "$(psql_crm -c "select 1 from pg_database where datname = '$db'")" != "1" ]; then
    log "creating database $db"
    psql_crm -c "create database $db owner crm" >/dev/null
  fi
done
unset PGPASSWORD

# ---------------------------------------------------------------- build
SLN=""
for candidate in Crm.Platform.sln Crm.Platform.slnx; do
  [ -f "$ROOT/$candidate" ] && { SLN="$ROOT/$candidate"; break; }
done
if [ $build -eq 1 ]; then
  [ -n "$SLN" ] || die "Crm.Platform.sln(x) not found in $ROOT"
  log "building $(basename "$SLN") (Release)"
  dotnet build "$SLN" -c Release -nologo -v minimal || die "build failed"
fi

# ---------------------------------------------------------------- processes
is_ours() {  # pid alive and still running our dll (guards against pid reuse)
  local pid="$1" dll="$2"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dll"
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" 2>/dev/null || true; }

# Settings shared by every process (ASP.NET Core configuration keys as environment variables).
common_env() {
  local name="$1" port="$2"
  printf '%s\n' \
    "ASPNETCORE_URLS=http://127.0.0.1:$port" \
    "ASPNETCORE_ENVIRONMENT=Production" \
    "Database__Provider=Postgres" \
    "ConnectionStrings__Database=Host=127.0.0.1;Port=5432;Database=crm_$name;Username=crm;Password=crm" \
    "Database__MigrateOnStartup=true" \
    "Database__ProcessesSharingServer=$(( ${#SERVICES[@]} + 1 ))" \
    "Bus__Transport=RabbitMq" \
    "ConnectionStrings__RabbitMq=amqp://crm:crm@127.0.0.1:5672/" \
    "Auth__Authority=$GATEWAY_URL" \
    "OTEL_SERVICE_NAME=$name"
  if [ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ]; then
    printf '%s\n' "OTEL_EXPORTER_OTLP_ENDPOINT=$OTEL_EXPORTER_OTLP_ENDPOINT"
  fi
}

gateway_env() {
  printf '%s\n' \
    "Auth__SigningKeyPath=$RUN_DIR/signing-key.pem" \
    "Gateway__SeedDemoUsers=true"
  local i svc
  for i in "${!SERVICES[@]}"; do
    svc="${SERVICES[$i]}"
    printf '%s\n' "ReverseProxy__Clusters__${svc}__Destinations__primary__Address=http://127.0.0.1:$((5101 + i))/"
  done
}

start_process() {
  local name="$1" port="$2" dll="$ROOT/$3"
  local pidfile="$RUN_DIR/$name.pid" logfile="$RUN_DIR/$name.log" pid=""
  if [ -f "$pidfile" ]; then read -r pid _ < "$pidfile" || true; fi
  if is_ours "$pid" "$dll"; then
    log "$name: already running (pid $pid), leaving it"
    return 0
  fi
  rm -f "$pidfile"
  [ -f "$dll" ] || die "$name: $dll not found (build first, or drop --no-build)"
  port_open "$port" && die "$name: port $port is already in use by another process"

  local -a envs
  mapfile -t envs < <(common_env "$name" "$port"; if [ "$name" = gateway ]; then gateway_env; fi
    # Demo customers on first start (only when the database has none), like the standalone host.
    if [ "$name" = customers ]; then echo "Customers__SeedDemoData=true"; fi
    # The portal calls the APIs and signs users in through the gateway, where browsers reach it.
    if [ "$name" = portal ]; then echo "Portal__ApiBaseUrl=$GATEWAY_URL"; fi)
  [ -f "$logfile" ] && mv -f "$logfile" "$logfile.prev"
  # The dll's folder is the working directory, so the content root finds appsettings*.json;
  # setsid keeps a Ctrl-C in this terminal from reaching the services.
  (cd "$(dirname "$dll")" && exec env "${envs[@]}" setsid dotnet "$dll" >"$logfile" 2>&1 </dev/null) &
  pid=$!
  echo "$pid $dll" > "$pidfile"
  log "$name: started pid $pid on http://127.0.0.1:$port (log: ${logfile#"$ROOT"/})"
}

# Waits until one of the given health URLs answers 200; fails fast if the process exits.
wait_healthy() {
  local name="$1"; shift
  local pid dll deadline=$((SECONDS + READY_TIMEOUT)) url code
  read -r pid dll < "$RUN_DIR/$name.pid"
  while :; do
    for url in "$@"; do
      code="$(http_code "$url")"
      if [ "$code" = "200" ]; then log "$name: healthy ($url)"; return 0; fi
    done
    if ! is_ours "$pid" "$dll"; then
      echo "----- last lines of $RUN_DIR/$name.log -----" >&2
      tail -n 40 "$RUN_DIR/$name.log" >&2 || true
      die "$name exited before becoming healthy; the others are left running, stop them with deploy/local/stop.sh"
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "----- last lines of $RUN_DIR/$name.log -----" >&2
      tail -n 40 "$RUN_DIR/$name.log" >&2 || true
      die "$name not healthy after ${READY_TIMEOUT}s (last HTTP status: ${code:-none}); processes left running, stop them with deploy/local/stop.sh"
    fi
    sleep 1
  done
}

read -r gw_name gw_port gw_dll <<<"${PROCESSES[0]}"
start_process "$gw_name" "$gw_port" "$gw_dll"
# Liveness is enough before starting the services (keys are served); readiness is checked last
# in case the gateway's readiness looks at the services behind it.
wait_healthy gateway "$GATEWAY_URL/health/live" "$GATEWAY_URL/health/ready"

for entry in "${PROCESSES[@]:1}"; do
  read -r name port dll <<<"$entry"
  start_process "$name" "$port" "$dll"
done
for entry in "${PROCESSES[@]:1}"; do
  read -r name port _ <<<"$entry"
  wait_healthy "$name" "http://127.0.0.1:$port/health/ready"
done
wait_healthy gateway "$GATEWAY_URL/health/ready"

echo
log "Crm.Platform is running. Gateway: $GATEWAY_URL"
log "logs: ${RUN_DIR#"$ROOT"/}/<name>.log   stop: deploy/local/stop.sh"
