#!/usr/bin/env bash
# PostgreSQL from the Debian package, as a private cluster owned by this checkout.
# Usage: postgres.sh up|down|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICE=postgres
PG_DB="${TADAMON_PG_DATABASE:-tadamon_test}"
PG_USER="${TADAMON_PG_USER:-tadamon}"
PG_PASSWORD="${TADAMON_PG_PASSWORD:-tadamon}"
DATABASE_URL="postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$TADAMON_PG_PORT/$PG_DB"

# The server refuses to run as root: as root we run it as the `postgres` system user. setpriv
# execs in place, so the recorded pid is the server's own and signals reach it directly.
as_pg() {
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; else "$@"; fi
}

pg_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  echo "$dir"
}

ensure_installed() {
  if [ -n "$(pg_bindir)" ] && [ -x "$(pg_bindir)/postgres" ]; then return 0; fi
  [ "$(id -u)" = 0 ] || fail "$SERVICE" "PostgreSQL is not installed; run: sudo apt-get install -y postgresql"
  say "postgres: installing the Debian package"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql; } \
    >>"$LOG_DIR/$SERVICE.log" 2>&1 || fail "$SERVICE" "apt-get install postgresql failed"
}

# The data folder must be reachable by the server's user; a checkout under a private home is not.
data_dir() {
  local preferred="$TADAMON_INFRA_HOME/postgres"
  if [ "$(id -u)" != 0 ]; then echo "$preferred"; return; fi
  mkdir -p "$preferred" && chown postgres:postgres "$preferred"
  if setpriv --reuid=postgres --regid=postgres --init-groups -- test -w "$preferred" 2>/dev/null; then echo "$preferred"
  else echo "/var/tmp/tadamon-postgres-$TADAMON_PG_PORT"; fi
}

init_cluster() {
  local dir="$1" bindir="$2"
  if [ -f "$dir/PG_VERSION" ]; then return 0; fi
  say "postgres: initialising a cluster in $dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  as_pg "$bindir/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >>"$LOG_DIR/$SERVICE.log" 2>&1 || fail "$SERVICE" "initdb failed"
  cat >>"$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 200
shared_buffers = 128MB
fsync = on
synchronous_commit = on
CONF
}

psql_admin() {
  local dir="$1" bindir="$2"; shift 2
  as_pg "$bindir/psql" -v ON_ERROR_STOP=1 -q -h "$dir" -p "$TADAMON_PG_PORT" -U postgres -d postgres "$@"
}

ensure_database() {
  local dir="$1" bindir="$2"
  psql_admin "$dir" "$bindir" -tAc "SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'" | grep -q 1 \
    || psql_admin "$dir" "$bindir" -c "CREATE ROLE $PG_USER LOGIN SUPERUSER PASSWORD '$PG_PASSWORD'"
  psql_admin "$dir" "$bindir" -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1 \
    || psql_admin "$dir" "$bindir" -c "CREATE DATABASE $PG_DB OWNER $PG_USER"
}

up() {
  if [ -n "$(live_pid "$SERVICE")" ] && probe postgres "$DATABASE_URL" >/dev/null 2>&1; then
    say "postgres: already running on port $TADAMON_PG_PORT"; return 0
  fi
  if [ -z "$(live_pid "$SERVICE")" ] && port_in_use "$TADAMON_PG_PORT"; then
    fail "$SERVICE" "port $TADAMON_PG_PORT is taken by another process (set TADAMON_PG_PORT)"
  fi
  ensure_installed
  local bindir dir
  bindir="$(pg_bindir)"; dir="$(data_dir)"
  echo "$dir" >"$RUN_DIR/postgres.datadir"
  init_cluster "$dir" "$bindir"
  if [ -z "$(live_pid "$SERVICE")" ]; then
    # Left by a server that was killed: with no live server (a zombie is not one) they are stale.
    rm -f "$dir/postmaster.pid" "$dir/.s.PGSQL.$TADAMON_PG_PORT.lock"
    say "postgres: starting $("$bindir/postgres" --version | awk '{print $3}') on port $TADAMON_PG_PORT"
    local -a as_user=()
    [ "$(id -u)" = 0 ] && as_user=(setpriv --reuid=postgres --regid=postgres --init-groups --)
    start_process "$SERVICE" "${as_user[@]}" "$bindir/postgres" -D "$dir" -p "$TADAMON_PG_PORT"
  fi
  local deadline=$((SECONDS + 30))
  until as_pg "$bindir/pg_isready" -q -h "$dir" -p "$TADAMON_PG_PORT"; do
    [ -n "$(live_pid "$SERVICE")" ] || fail "$SERVICE" "process exited during start"
    [ "$SECONDS" -lt "$deadline" ] || fail "$SERVICE" "not accepting connections after 30s"
    sleep 0.3
  done
  ensure_database "$dir" "$bindir"
  wait_ready "$SERVICE" 30 postgres "$DATABASE_URL"
  say "postgres: ready, DATABASE_URL=$DATABASE_URL"
}

# SIGINT is PostgreSQL's fast shutdown.
case "${1:-}" in
  up) up ;;
  down) stop_process "$SERVICE" INT ;;
  status) status_line "$SERVICE" "$TADAMON_PG_PORT" "DATABASE_URL=$DATABASE_URL" ;;
  url) echo "$DATABASE_URL" ;;
  *) echo "usage: $0 up|down|status|url" >&2; exit 2 ;;
esac
