#!/usr/bin/env bash
# Mailpit (MIT): an SMTP server that keeps every message and shows it over a REST API, built with
# `go install`. The email channel's tests send to it and read the messages back.
# Usage: mailpit.sh up|down|status|url|api-url
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICE=mailpit
MAILPIT_BIN="$TADAMON_CACHE_DIR/mailpit-$MAILPIT_VERSION/bin/mailpit"
MAILPIT_HOME="$TADAMON_INFRA_HOME/mailpit"
SMTP_URL="smtp://127.0.0.1:$TADAMON_SMTP_PORT"
MAILPIT_URL="http://127.0.0.1:$TADAMON_MAILPIT_HTTP_PORT"

# Pure Go (modernc SQLite, no cgo), so a plain `go install` builds it (about 45 s the first time).
# The binary reports version "dev" (no release ldflags); `go version -m` shows the module version.
# Its web UI assets are not in the module: the UI page is blank, SMTP and the REST API work.
fetch() {
  if [ -x "$MAILPIT_BIN" ]; then return 0; fi
  command -v go >/dev/null || fail "$SERVICE" "go is not installed (Mailpit is built from its Go module)"
  say "mailpit: building github.com/axllent/mailpit@$MAILPIT_VERSION (first time only, about a minute)"
  local log="$LOG_DIR/$SERVICE.log" bin_dir
  bin_dir="$(dirname "$MAILPIT_BIN")"
  mkdir -p "$bin_dir"
  (cd "$TADAMON_CACHE_DIR" && GOBIN="$bin_dir.tmp" go install "github.com/axllent/mailpit@$MAILPIT_VERSION") >>"$log" 2>&1 \
    || { rm -rf "$bin_dir.tmp"; fail "$SERVICE" "go install of Mailpit $MAILPIT_VERSION failed"; }
  mv "$bin_dir.tmp/mailpit" "$MAILPIT_BIN"
  rm -rf "$bin_dir.tmp"
}

up() {
  if [ -n "$(live_pid "$SERVICE")" ] && probe mailpit "$MAILPIT_URL" >/dev/null 2>&1; then
    say "mailpit: already running on $SMTP_URL (API $MAILPIT_URL)"; return 0
  fi
  if [ -z "$(live_pid "$SERVICE")" ]; then
    local port
    for port in "$TADAMON_SMTP_PORT" "$TADAMON_MAILPIT_HTTP_PORT"; do
      if port_in_use "$port"; then
        fail "$SERVICE" "port $port is taken by another process (set TADAMON_SMTP_PORT or TADAMON_MAILPIT_HTTP_PORT)"
      fi
    done
  fi
  fetch
  if [ -z "$(live_pid "$SERVICE")" ]; then
    mkdir -p "$MAILPIT_HOME"
    say "mailpit: starting $MAILPIT_VERSION on $SMTP_URL (API $MAILPIT_URL)"
    # --max 0: the default cap (500) silently prunes older messages, which would falsify counts.
    # Duplicate Message-IDs are kept (no --ignore-duplicate-ids), so tests can count repeats.
    start_process "$SERVICE" "$MAILPIT_BIN" --smtp "127.0.0.1:$TADAMON_SMTP_PORT" \
      --listen "127.0.0.1:$TADAMON_MAILPIT_HTTP_PORT" --database "$MAILPIT_HOME/mailpit.db" --max 0 \
      --smtp-auth-accept-any --smtp-auth-allow-insecure --disable-version-check --quiet
  fi
  wait_ready "$SERVICE" 15 mailpit "$MAILPIT_URL"
  say "mailpit: ready on $SMTP_URL (API $MAILPIT_URL)"
}

case "${1:-}" in
  up) up ;;
  down) stop_process "$SERVICE" TERM ;;
  status) status_line "$SERVICE" "$TADAMON_SMTP_PORT" "MAILPIT_SMTP_URL=$SMTP_URL MAILPIT_URL=$MAILPIT_URL" ;;
  url) echo "$SMTP_URL" ;;
  api-url) echo "$MAILPIT_URL" ;;
  *) echo "usage: $0 up|down|status|url|api-url" >&2; exit 2 ;;
esac
