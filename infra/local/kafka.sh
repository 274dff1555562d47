#!/usr/bin/env bash
# Apache Kafka, single node in KRaft combined mode, from Maven Central jars.
# Usage: kafka.sh up|down|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICE=kafka
KAFKA_LIB="$TADAMON_CACHE_DIR/kafka-$KAFKA_VERSION/lib"
KAFKA_HOME="$TADAMON_INFRA_HOME/kafka"
BROKERS="127.0.0.1:$TADAMON_KAFKA_PORT"

fetch() {
  if [ -f "$KAFKA_LIB/.complete" ]; then return 0; fi
  command -v java >/dev/null || fail "$SERVICE" "java is not installed (Kafka needs a JRE 17+)"
  command -v mvn >/dev/null || fail "$SERVICE" "mvn is not installed (used to fetch the Kafka jars)"
  say "kafka: fetching org.apache.kafka:kafka_2.13:$KAFKA_VERSION into $KAFKA_LIB"
  rm -rf "$KAFKA_LIB"; mkdir -p "$KAFKA_LIB"
  mvn -q -B -f "$INFRA_LOCAL_DIR/kafka-pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    org.apache.maven.plugins:maven-dependency-plugin:3.7.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB" >>"$LOG_DIR/$SERVICE.log" 2>&1 \
    || fail "$SERVICE" "maven could not fetch the Kafka jars"
  touch "$KAFKA_LIB/.complete"
}

configure() {
  mkdir -p "$KAFKA_HOME/data"
  cat >"$KAFKA_HOME/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$TADAMON_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$TADAMON_KAFKA_PORT,CONTROLLER://127.0.0.1:$TADAMON_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$TADAMON_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
group.initial.rebalance.delay.ms=0
log.retention.hours=24
log.segment.bytes=67108864
PROPS
  cat >"$KAFKA_HOME/log4j.properties" <<'PROPS'
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
log4j.logger.kafka.Kafka$=INFO
PROPS
  if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
    say "kafka: formatting storage in $KAFKA_HOME/data"
    local cluster_id
    cluster_id="$(java -cp "$KAFKA_LIB/*" kafka.tools.StorageTool random-uuid 2>>"$LOG_DIR/$SERVICE.log" | tail -n 1)"
    [ -n "$cluster_id" ] || fail "$SERVICE" "StorageTool random-uuid printed nothing"
    java -cp "$KAFKA_LIB/*" -Dlog4j.configuration="file:$KAFKA_HOME/log4j.properties" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$KAFKA_HOME/server.properties" --ignore-formatted >>"$LOG_DIR/$SERVICE.log" 2>&1 \
      || fail "$SERVICE" "StorageTool format failed"
  fi
}

up() {
  if [ -n "$(live_pid "$SERVICE")" ] && probe kafka "$BROKERS" >/dev/null 2>&1; then
    say "kafka: already running on $BROKERS"; return 0
  fi
  if [ -z "$(live_pid "$SERVICE")" ] && port_in_use "$TADAMON_KAFKA_PORT"; then
    fail "$SERVICE" "port $TADAMON_KAFKA_PORT is taken by another process (set TADAMON_KAFKA_PORT)"
  fi
  fetch
  if [ -z "$(live_pid "$SERVICE")" ]; then
    configure
    say "kafka: starting $KAFKA_VERSION on $BROKERS"
    start_process "$SERVICE" java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -Djava.awt.headless=true -Dlog4j.configuration="file:$KAFKA_HOME/log4j.properties" \
      -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_HOME/server.properties"
  fi
  wait_ready "$SERVICE" 90 kafka "$BROKERS"
  say "kafka: ready on $BROKERS"
}

case "${1:-}" in
  up) up ;;
  down) stop_process "$SERVICE" TERM ;;
  status) status_line "$SERVICE" "$TADAMON_KAFKA_PORT" "KAFKA_BROKERS=$BROKERS" ;;
  url) echo "$BROKERS" ;;
  *) echo "usage: $0 up|down|status|url" >&2; exit 2 ;;
esac
