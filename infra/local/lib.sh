# Shared helpers for the infra/local scripts. Sourced, never run.
# Layout: binaries and jars are cached under $TADAMON_CACHE_DIR (survives clones);
# data, pid files and logs live under $TADAMON_INFRA_HOME (per checkout).
set -euo pipefail

INFRA_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_LOCAL_DIR/../.." && pwd)"
TADAMON_CACHE_DIR="${TADAMON_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tadamon}"
TADAMON_INFRA_HOME="${TADAMON_INFRA_HOME:-$REPO_ROOT/.infra}"
LOG_DIR="$TADAMON_INFRA_HOME/logs"
RUN_DIR="$TADAMON_INFRA_HOME/run"

TADAMON_KAFKA_PORT="${TADAMON_KAFKA_PORT:-9092}"
TADAMON_KAFKA_CONTROLLER_PORT="${TADAMON_KAFKA_CONTROLLER_PORT:-$((TADAMON_KAFKA_PORT + 1))}"
TADAMON_MONGO_PORT="${TADAMON_MONGO_PORT:-27017}"
TADAMON_PG_PORT="${TADAMON_PG_PORT:-5432}"
# SeaweedFS: the S3 gateway and the three servers behind it; each also listens on its port + 10000 (gRPC).
TADAMON_S3_PORT="${TADAMON_S3_PORT:-8333}"
TADAMON_SEAWEEDFS_MASTER_PORT="${TADAMON_SEAWEEDFS_MASTER_PORT:-9333}"
TADAMON_SEAWEEDFS_VOLUME_PORT="${TADAMON_SEAWEEDFS_VOLUME_PORT:-9340}"
TADAMON_SEAWEEDFS_FILER_PORT="${TADAMON_SEAWEEDFS_FILER_PORT:-8888}"
TADAMON_S3_ACCESS_KEY="${TADAMON_S3_ACCESS_KEY:-tadamon}"
TADAMON_S3_SECRET_KEY="${TADAMON_S3_SECRET_KEY:-tadamon-local-secret}"
# Mailpit: the SMTP server the email channel sends to, and its HTTP API where tests read mail back.
TADAMON_SMTP_PORT="${TADAMON_SMTP_PORT:-1025}"
TADAMON_MAILPIT_HTTP_PORT="${TADAMON_MAILPIT_HTTP_PORT:-8025}"

KAFKA_VERSION="${KAFKA_VERSION:-3.9.1}"
FERRETDB_VERSION="${FERRETDB_VERSION:-v1.24.2}"
# SeaweedFS publishes no tagged Go module versions: this is a pseudo-version of its main branch.
SEAWEEDFS_VERSION="${SEAWEEDFS_VERSION:-v0.0.0-20261109003541-7506e5f91cd6}"
MAILPIT_VERSION="${MAILPIT_VERSION:-v1.33.1}"

mkdir -p "$LOG_DIR" "$RUN_DIR" "$TADAMON_CACHE_DIR"

say() { printf '[infra] %s\n' "$*" >&2; }

# fail <service> <message>: names what failed and where its log is.
fail() {
  local service="$1"; shift
  local log="$LOG_DIR/$service.log"
  printf '[infra] FAILED %s: %s\n' "$service" "$*" >&2
  if [ -f "$log" ]; then
    printf '[infra] log: %s (last lines below)\n' "$log" >&2
    tail -n 25 "$log" | sed 's/^/    /' >&2
  fi
  exit 1
}

pid_file() { echo "$RUN_DIR/$1.pid"; }

# Prints the pid of a live, recorded process for the service, or nothing.
live_pid() {
  local f; f="$(pid_file "$1")"
  [ -f "$f" ] || return 0
  local pid; pid="$(cat "$f")"
  # The recorded pid is ours only if ps lists it (kill -0 also succeeds on another process's
  # thread id, which a reboot may have handed out), it is not a zombie nothing reaped, and it
  # started when the pid file was written (not a later process given the same number).
  local stat elapsed age
  stat="$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1 || true)"
  [ -n "$pid" ] && [ -n "$stat" ] && [ "$stat" != Z ] || return 0
  elapsed="$(ps -o etimes= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
  [ -n "$elapsed" ] || return 0
  age=$(($(date +%s) - $(stat -c %Y "$f")))
  if [ $((elapsed - age)) -ge -10 ] && [ $((elapsed - age)) -le 10 ]; then echo "$pid"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Real protocol check, through the same clients the platform uses.
probe() { node "$INFRA_LOCAL_DIR/probe.mjs" "$@"; }

# wait_ready <service> <timeout-seconds> <probe args...>
wait_ready() {
  local service="$1" timeout="$2"; shift 2
  local deadline=$((SECONDS + timeout))
  while :; do
    if probe "$@" >/dev/null 2>&1; then return 0; fi
    if [ -z "$(live_pid "$service")" ]; then fail "$service" "process exited during start"; fi
    if [ "$SECONDS" -ge "$deadline" ]; then fail "$service" "not ready after ${timeout}s"; fi
    sleep 0.5
  done
}

# start_process <service> <command...>: runs detached, output appended to its log.
start_process() {
  local service="$1"; shift
  local log="$LOG_DIR/$service.log"
  printf '\n==== %s start %s ====\n' "$service" "$(date -u +%FT%TZ)" >>"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$service")"
}

# stop_process <service> [signal]: graceful stop, then SIGKILL after 30 s.
stop_process() {
  local service="$1" signal="${2:-TERM}"
  local pid; pid="$(live_pid "$service")"
  if [ -z "$pid" ]; then rm -f "$(pid_file "$service")"; say "$service: not running"; return 0; fi
  kill "-$signal" "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "$service: did not stop in 30 s, killing its process group"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$(pid_file "$service")"
  say "$service: stopped"
}

# rss_mb <pid>: resident memory of the process and all its descendants, in MiB.
rss_mb() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END {
      for (p in rss) { q = p; while (q != "" && q != 0 && q != root) q = parent[q]; if (q == root) sum += rss[p] }
      printf "%d", sum / 1024
    }'
}

status_line() {
  local service="$1" port="$2" url="$3"
  local pid; pid="$(live_pid "$service")"
  if [ -n "$pid" ]; then
    printf '%-9s running  pid %-7s port %-5s rss %4s MiB  %s\n' "$service" "$pid" "$port" "$(rss_mb "$pid")" "$url"
  elif port_in_use "$port"; then
    printf '%-9s foreign  port %s is served by a process this checkout did not start\n' "$service" "$port"
  else
    printf '%-9s stopped  log %s\n' "$service" "$LOG_DIR/$service.log"
  fi
}
