#!/usr/bin/env bash
# SeaweedFS (an S3-compatible server, Apache-2.0), built from its Go module, run as one `weed server`
# process: master, volume server, filer and the S3 gateway.
# Usage: seaweedfs.sh up|down|status|url
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICE=seaweedfs
SEAWEEDFS_BIN="$TADAMON_CACHE_DIR/seaweedfs-$SEAWEEDFS_VERSION/bin/weed"
SEAWEEDFS_HOME="$TADAMON_INFRA_HOME/seaweedfs"
# A test credential for a server that listens on 127.0.0.1 only; carried in the URL like DATABASE_URL's.
S3_URL="http://$TADAMON_S3_ACCESS_KEY:$TADAMON_S3_SECRET_KEY@127.0.0.1:$TADAMON_S3_PORT"

# `go install ...@version` refuses the module (its go.mod has replace directives), so the module is
# downloaded with go and `./weed` built from a copy, as for FerretDB.
fetch() {
  if [ -x "$SEAWEEDFS_BIN" ]; then return 0; fi
  command -v go >/dev/null || fail "$SERVICE" "go is not installed (SeaweedFS is built from its Go module)"
  say "seaweedfs: building github.com/seaweedfs/seaweedfs/weed@$SEAWEEDFS_VERSION (first time only, several minutes)"
  local log="$LOG_DIR/$SERVICE.log" src build
  src="$(cd "$TADAMON_CACHE_DIR" && GOFLAGS=-mod=mod go mod download -json "github.com/seaweedfs/seaweedfs@$SEAWEEDFS_VERSION" 2>>"$log" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -n "$src" ] && [ -d "$src" ] || fail "$SERVICE" "go mod download of SeaweedFS $SEAWEEDFS_VERSION failed"
  build="$(mktemp -d)"
  cp -r "$src/." "$build/" && chmod -R u+w "$build"
  mkdir -p "$(dirname "$SEAWEEDFS_BIN")"
  (cd "$build" && GOFLAGS=-mod=mod go build -trimpath -o "$SEAWEEDFS_BIN.tmp" ./weed) >>"$log" 2>&1 \
    || { rm -rf "$build"; fail "$SERVICE" "go build of SeaweedFS failed"; }
  rm -rf "$build"
  mv "$SEAWEEDFS_BIN.tmp" "$SEAWEEDFS_BIN"
}

up() {
  if [ -n "$(live_pid "$SERVICE")" ] && probe s3 "$S3_URL" >/dev/null 2>&1; then
    say "seaweedfs: already running on http://127.0.0.1:$TADAMON_S3_PORT"; return 0
  fi
  if [ -z "$(live_pid "$SERVICE")" ]; then
    local port
    for port in "$TADAMON_S3_PORT" "$TADAMON_SEAWEEDFS_MASTER_PORT" "$TADAMON_SEAWEEDFS_VOLUME_PORT" "$TADAMON_SEAWEEDFS_FILER_PORT"; do
      if port_in_use "$port" || port_in_use "$((port + 10000))"; then
        fail "$SERVICE" "port $port or its gRPC port $((port + 10000)) is taken by another process (set TADAMON_S3_PORT or TADAMON_SEAWEEDFS_*_PORT)"
      fi
    done
  fi
  fetch
  if [ -z "$(live_pid "$SERVICE")" ]; then
    mkdir -p "$SEAWEEDFS_HOME/data"
    say "seaweedfs: starting on http://127.0.0.1:$TADAMON_S3_PORT"
    # GOMEMLIMIT keeps the heap small; 64 MB volumes (the smallest) grown on demand, never preallocated.
    # A one-master cluster elects itself within the election timeout after a restart on old data
    # (10 s by default, 20 s seen); the volume server leaves 1 s, not 10, between its last heartbeat and its stop.
    start_process "$SERVICE" env GOMEMLIMIT=256MiB \
      AWS_ACCESS_KEY_ID="$TADAMON_S3_ACCESS_KEY" AWS_SECRET_ACCESS_KEY="$TADAMON_S3_SECRET_KEY" \
      "$SEAWEEDFS_BIN" server -ip=127.0.0.1 -ip.bind=127.0.0.1 -dir="$SEAWEEDFS_HOME/data" \
      -master.port="$TADAMON_SEAWEEDFS_MASTER_PORT" -master.telemetry=false -master.volumeSizeLimitMB=64 \
      -master.electionTimeout=2s \
      -volume.port="$TADAMON_SEAWEEDFS_VOLUME_PORT" -volume.max=0 -volume.preStopSeconds=1 \
      -filer -filer.port="$TADAMON_SEAWEEDFS_FILER_PORT" \
      -s3 -s3.port="$TADAMON_S3_PORT" -s3.port.iceberg=0 -s3.port.lance=0
  fi
  wait_ready "$SERVICE" 60 s3 "$S3_URL"
  say "seaweedfs: ready on http://127.0.0.1:$TADAMON_S3_PORT"
}

case "${1:-}" in
  up) up ;;
  down) stop_process "$SERVICE" TERM ;;
  status) status_line "$SERVICE" "$TADAMON_S3_PORT" "S3 http://127.0.0.1:$TADAMON_S3_PORT (access key $TADAMON_S3_ACCESS_KEY)" ;;
  url) echo "$S3_URL" ;;
  *) echo "usage: $0 up|down|status|url" >&2; exit 2 ;;
esac
