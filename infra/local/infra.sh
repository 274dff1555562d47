#!/usr/bin/env bash
# Real Kafka, FerretDB, PostgreSQL, SeaweedFS (S3) and Mailpit (SMTP) on this machine, without Docker.
# Usage: infra.sh up|down|status|env [kafka|ferretdb|postgres|seaweedfs|mailpit ...]
#   up      provisions (first time) and starts the servers, waiting until each answers its protocol
#   down    stops them; nothing stays listening
#   status  one line per server: pid, port, resident memory
#   env     prints KAFKA_BROKERS, MONGO_URL, DATABASE_URL, S3_URL, MAILPIT_SMTP_URL and MAILPIT_URL
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
action="${1:-status}"; shift || true
services=("$@")
[ "${#services[@]}" -gt 0 ] || services=(postgres ferretdb seaweedfs mailpit kafka)

case "$action" in
  up|down|status) ;;
  env)
    echo "KAFKA_BROKERS=$("$here/kafka.sh" url)"
    echo "MONGO_URL=$("$here/ferretdb.sh" url)"
    echo "DATABASE_URL=$("$here/postgres.sh" url)"
    echo "S3_URL=$("$here/seaweedfs.sh" url)"
    echo "MAILPIT_SMTP_URL=$("$here/mailpit.sh" url)"
    echo "MAILPIT_URL=$("$here/mailpit.sh" api-url)"
    (source "$here/lib.sh" && echo "TADAMON_KAFKA_SERVER_VERSION=$KAFKA_VERSION")
    exit 0 ;;
  *) echo "usage: $0 up|down|status|env [kafka|ferretdb|postgres|seaweedfs|mailpit ...]" >&2; exit 2 ;;
esac

start=$SECONDS
for service in "${services[@]}"; do
  case "$service" in
    kafka|ferretdb|postgres|seaweedfs|mailpit) "$here/$service.sh" "$action" ;;
    *) echo "unknown service: $service (kafka, ferretdb, postgres, seaweedfs, mailpit)" >&2; exit 2 ;;
  esac
done
if [ "$action" = up ]; then echo "[infra] up in $((SECONDS - start)) s"; fi
