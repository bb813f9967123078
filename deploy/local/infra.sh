#!/usr/bin/env bash
# Installs (when missing) and starts the local infrastructure of Crm.Platform on loopback:
#   RabbitMQ   127.0.0.1:5672 (AMQP, user crm/crm, vhost /), 127.0.0.1:15672 (management UI)
#   PostgreSQL 127.0.0.1:5432 (cluster 15/main, role crm/crm with LOGIN CREATEDB)
#   chromium   /usr/bin/chromium (browser tests)
# Works without systemd (containers, CI runners) and is idempotent: whatever already runs is left alone.
# What this script itself starts is recorded in deploy/local/.run/infra-started, so stop.sh stops only that.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="$SCRIPT_DIR/.run"
MARKER="$RUN_DIR/infra-started"
PG_VERSION="${CRM_PG_VERSION:-15}"
PG_CLUSTER="main"
PG_PORT=5432
RABBIT_PORT=5672
RABBIT_MGMT_PORT=15672
CRM_USER=crm
CRM_PASSWORD=crm

export DEBIAN_FRONTEND=noninteractive
# RabbitMQ's scripts read these; exporting them here also covers rabbitmqctl calls below.
export RABBITMQ_NODENAME=rabbit@localhost
export ERL_EPMD_ADDRESS=127.0.0.1

START_TS=$SECONDS
log() { printf '[infra %3ds] %s\n' "$((SECONDS - START_TS))" "$*"; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

# Root is needed for apt, /etc and the service accounts; use sudo when run as a normal user.
if [ "$(id -u)" -eq 0 ]; then SUDO=(); else
  command -v sudo >/dev/null || die "run as root or install sudo"
  # shellcheck disable=SC2054  # the commas belong to the --preserve-env list
  SUDO=(sudo --preserve-env=DEBIAN_FRONTEND,RABBITMQ_NODENAME,ERL_EPMD_ADDRESS)
fi
as_root() { "${SUDO[@]}" "$@"; }
as_postgres() { (cd / && if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi); }

mkdir -p "$RUN_DIR"
touch "$MARKER"
mark_started() { grep -qx "$1" "$MARKER" 2>/dev/null || echo "$1" >> "$MARKER"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Writes a file only when its content differs, keeping a one-time backup of a foreign original.
write_if_changed() {
  local path="$1" content="$2"
  if [ -f "$path" ] && [ "$(cat "$path")" == "$content" ]; then return 1; fi
  if [ -f "$path" ] && ! grep -q 'Crm.Platform' "$path" && [ ! -f "$path.crm-orig" ]; then
    as_root cp -p "$path" "$path.crm-orig"
  fi
  printf '%s\n' "$content" | as_root tee "$path" >/dev/null || die "cannot write $path"
  return 0
}

# ---------------------------------------------------------------- packages
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Installs with a policy-rc.d that forbids starting services: this script starts them itself with the
# right configuration (an init script would start RabbitMQ under the wrong node name / on all interfaces).
apt_install() {
  local policy=/usr/sbin/policy-rc.d added_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null && as_root chmod 755 "$policy" && added_policy=1
  fi
  # apt's chatter goes to a log file; its tail is shown when something fails.
  local apt=(apt-get -o DPkg::Lock::Timeout=300 -o Acquire::Retries=3 -y -q) apt_log="$RUN_DIR/apt.log"
  local rc=0
  : > "$apt_log"
  # A machine where apt-get update never ran has no package lists at all.
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    log "apt: package lists are empty, running apt-get update"
    as_root "${apt[@]}" update >>"$apt_log" 2>&1 || rc=$?
  fi
  if [ $rc -eq 0 ]; then
    as_root "${apt[@]}" install --no-install-recommends "$@" >>"$apt_log" 2>&1 || {
      # Stale lists (404 on a superseded .deb) are the usual cause: refresh once and retry.
      log "apt: install failed, refreshing package lists and retrying"
      as_root "${apt[@]}" update >>"$apt_log" 2>&1 && as_root "${apt[@]}" install --no-install-recommends "$@" >>"$apt_log" 2>&1
    } || rc=$?
  fi
  [ $added_policy -eq 1 ] && as_root rm -f "$policy"
  [ $rc -eq 0 ] || tail -n 25 "$apt_log" >&2
  return $rc
}

missing=()
is_installed rabbitmq-server || missing+=(rabbitmq-server)
is_installed "postgresql-$PG_VERSION" || missing+=("postgresql-$PG_VERSION")
is_installed postgresql-client-common && command -v psql >/dev/null || missing+=("postgresql-client-$PG_VERSION")
is_installed chromium || missing+=(chromium fonts-liberation)
command -v curl >/dev/null || missing+=(curl ca-certificates)
# deploy/ops/replay-errors.sh talks to the RabbitMQ management API with curl and jq.
command -v jq >/dev/null || missing+=(jq)
# Printed permits and badges need a font with Chinese glyphs (Hospitality's PermitFonts); the tests read the printed
# PDFs back with poppler's pdftotext and pdftoppm.
is_installed fonts-droid-fallback || missing+=(fonts-droid-fallback)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  apt_install "${missing[@]}" || die "apt-get install failed (full log: $RUN_DIR/apt.log)"
  log "installed: ${missing[*]}"
else
  log "packages already installed (rabbitmq-server, postgresql-$PG_VERSION, chromium, fonts-droid-fallback, poppler-utils)"
fi

# ---------------------------------------------------------------- RabbitMQ
rabbitmqctl_() { as_root rabbitmqctl "$@"; }
rabbit_alive() { timeout 30 "${SUDO[@]}" rabbitmq-diagnostics -q ping >/dev/null 2>&1; }

RABBIT_CONF="# Managed by Crm.Platform deploy/local/infra.sh: loopback only.
listeners.tcp.default = 127.0.0.1:$RABBIT_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBIT_MGMT_PORT
# Applied only when the node database is created; infra.sh also ensures the user with rabbitmqctl.
default_vhost = /
default_user = $CRM_USER
default_pass = $CRM_PASSWORD
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*"

# rabbitmq-env.conf is sourced by every RabbitMQ script (server and CLI), so the node name and the
# loopback-only Erlang distribution apply to manual rabbitmqctl calls too.
RABBIT_ENV="# Managed by Crm.Platform deploy/local/infra.sh.
NODENAME=rabbit@localhost
export ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS=\"-kernel inet_dist_use_interface {127,0,0,1}\""

rabbit_config_changed=0
write_if_changed /etc/rabbitmq/rabbitmq.conf "$RABBIT_CONF" && rabbit_config_changed=1
write_if_changed /etc/rabbitmq/rabbitmq-env.conf "$RABBIT_ENV" && rabbit_config_changed=1
# The shovel moves messages from an _error queue back to their queue (deploy/ops/replay-errors.sh).
RABBIT_PLUGINS='[rabbitmq_management,rabbitmq_shovel,rabbitmq_shovel_management].'
if ! grep -qs 'rabbitmq_shovel_management' /etc/rabbitmq/enabled_plugins; then
  write_if_changed /etc/rabbitmq/enabled_plugins "$RABBIT_PLUGINS" || true
  rabbit_config_changed=1
fi

if rabbit_alive; then
  log "RabbitMQ already running (rabbit@localhost), leaving it as is"
  if [ $rabbit_config_changed -eq 1 ]; then
    # Plugins can be enabled on a running node; the rest of the configuration applies after a restart.
    as_root rabbitmq-plugins -q enable rabbitmq_shovel rabbitmq_shovel_management >/dev/null
    log "note: RabbitMQ config changed; plugins enabled now, the rest applies after a restart (stop.sh + infra.sh)"
  fi
else
  if port_open $RABBIT_PORT; then
    die "127.0.0.1:$RABBIT_PORT is taken by something that is not node rabbit@localhost; stop it first"
  fi
  log "starting RabbitMQ (rabbit@localhost, 127.0.0.1:$RABBIT_PORT)"
  as_root rabbitmq-server -detached
  mark_started rabbitmq
  # await_startup fails fast until the node has registered with epmd, hence the retry loop.
  deadline=$((SECONDS + 120))
  until timeout 70 "${SUDO[@]}" rabbitmqctl -q await_startup --timeout 60 >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      as_root tail -n 30 /var/log/rabbitmq/startup_err /var/log/rabbitmq/rabbit@localhost.log 2>/dev/null || true
      die "RabbitMQ did not start within 120 s (logs: /var/log/rabbitmq)"
    fi
    sleep 2
  done
  log "RabbitMQ is up"
fi

# The default_user settings only apply to a fresh node database, so ensure the account explicitly.
if ! rabbitmqctl_ -q list_users 2>/dev/null | awk '{print $1}' | grep -qx "$CRM_USER"; then
  log "creating RabbitMQ user $CRM_USER"
  rabbitmqctl_ -q add_user "$CRM_USER" "$CRM_PASSWORD" >/dev/null
elif ! rabbitmqctl_ -q authenticate_user "$CRM_USER" "$CRM_PASSWORD" >/dev/null 2>&1; then
  log "resetting password of RabbitMQ user $CRM_USER"
  rabbitmqctl_ -q change_password "$CRM_USER" "$CRM_PASSWORD" >/dev/null
fi
rabbitmqctl_ -q set_user_tags "$CRM_USER" administrator >/dev/null
rabbitmqctl_ -q set_permissions -p / "$CRM_USER" '.*' '.*' '.*' >/dev/null
log "RabbitMQ user $CRM_USER ready (amqp://$CRM_USER:$CRM_PASSWORD@127.0.0.1:$RABBIT_PORT/, http://127.0.0.1:$RABBIT_MGMT_PORT/)"

# ---------------------------------------------------------------- PostgreSQL
PG_CONF_DIR="/etc/postgresql/$PG_VERSION/$PG_CLUSTER"
if [ ! -f "$PG_CONF_DIR/postgresql.conf" ]; then
  log "creating PostgreSQL cluster $PG_VERSION/$PG_CLUSTER"
  as_root pg_createcluster --port "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER" >/dev/null
fi

pg_config_changed=0
as_root mkdir -p "$PG_CONF_DIR/conf.d"
write_if_changed "$PG_CONF_DIR/conf.d/crm-local.conf" "# Managed by Crm.Platform deploy/local/infra.sh: loopback only, password auth.
listen_addresses = '127.0.0.1'
port = $PG_PORT
password_encryption = 'scram-sha-256'" && pg_config_changed=1
as_root chown postgres:postgres "$PG_CONF_DIR/conf.d/crm-local.conf"

# TCP from loopback must use password auth (Debian's default already does; a customised file may not).
PG_HBA="$PG_CONF_DIR/pg_hba.conf"
if ! as_root grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+(md5|scram-sha-256)' "$PG_HBA"; then
  log "adding a scram-sha-256 rule for 127.0.0.1 to $PG_HBA"
  as_root sed -i "1i host all all 127.0.0.1/32 scram-sha-256  # added by Crm.Platform infra.sh" "$PG_HBA"
  pg_config_changed=1
fi

pg_status() { pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}'; }
if [ "$(pg_status)" = "online" ]; then
  log "PostgreSQL $PG_VERSION/$PG_CLUSTER already running, leaving it as is"
  if [ $pg_config_changed -eq 1 ]; then
    log "PostgreSQL config changed: reloading (listen_addresses changes need a restart)"
    as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" reload
  fi
else
  if port_open $PG_PORT; then
    die "127.0.0.1:$PG_PORT is taken by something other than cluster $PG_VERSION/$PG_CLUSTER; stop it first"
  fi
  log "starting PostgreSQL $PG_VERSION/$PG_CLUSTER (127.0.0.1:$PG_PORT)"
  as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  mark_started postgresql
fi
pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 60 || die "PostgreSQL does not accept connections on 127.0.0.1:$PG_PORT"

# ALTER every time: cheap, and it repairs a role whose password or rights were changed.
as_postgres psql -q -X -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres <<SQL >/dev/null
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$CRM_USER') THEN
    CREATE ROLE $CRM_USER;
  END IF;
END
\$\$;
ALTER ROLE $CRM_USER WITH LOGIN CREATEDB PASSWORD '$CRM_PASSWORD';
-- Tests and benchmarks drop their databases WITH (FORCE), which must end backends the role does not own (autovacuum).
GRANT pg_signal_backend TO $CRM_USER;
SQL
PGPASSWORD="$CRM_PASSWORD" psql -q -X -h 127.0.0.1 -p "$PG_PORT" -U "$CRM_USER" -d postgres -tAc 'select 1' >/dev/null \
  || die "cannot log in to PostgreSQL as $CRM_USER over TCP"
log "PostgreSQL role $CRM_USER ready (Host=127.0.0.1;Port=$PG_PORT;Username=$CRM_USER;Password=$CRM_PASSWORD)"

started="$(paste -sd, "$MARKER")"
log "infrastructure ready (started by infra.sh and not yet stopped: ${started:-nothing})"
