#!/usr/bin/env bash
# Owns starting one throwaway Kafka broker for tests: a single-node KRaft process that is both
# broker and controller, bound to 127.0.0.1, with everything it writes kept in <data-dir>:
#   server.properties, log4j2.properties  written on every start from the arguments
#   kafka-data/                           log.dirs; formatted (random cluster id) on first start
#   server.log                            the broker's log4j2 output (WARN, plus the start line)
#   jvm.out                               the JVM's own stdout/stderr (crashes, GC warnings)
#   kafka.pid                             pid of the java process; stop.sh reads it
# Returns once the broker answers a Metadata request on <port>, or fails (non-zero, log tail
# printed, process killed) after KAFKA_START_TIMEOUT seconds (default 60).
# Usage: scripts/kafka/start.sh <data-dir> [port]   (any cwd; run fetch-jars.sh first)
# Env:   KAFKA_CONTROLLER_PORT  controller listener port (default: first free port above <port>)
#        KAFKA_HEAP_OPTS        default -Xms256m -Xmx512m
#        KAFKA_JVM_OPTS         extra JVM flags, appended
set -euo pipefail

KAFKA_VERSION=4.1.2

usage() { echo "usage: $0 <data-dir> [port]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
port=${2:-9092}
[[ $port =~ ^[0-9]+$ ]] || usage

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/../.." && pwd)
libs="$repo_root/.cache/kafka/$KAFKA_VERSION/libs"
[[ -f "$repo_root/.cache/kafka/$KAFKA_VERSION/libs.complete" ]] ||
  { echo "start.sh: no broker jars in $libs; run scripts/kafka/fetch-jars.sh first" >&2; exit 1; }

mkdir -p "$1"
data_dir=$(cd "$1" && pwd)
pid_file="$data_dir/kafka.pid"

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when the broker on 127.0.0.1:$port answers a Metadata v0 request (all topics) with
# correlation id 7 and at least one broker. Request: size 19, api_key 3, version 0,
# correlation id 7, client id "probe", topics array of length 0.
metadata_ok() {
  local reply
  reply=$(
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    printf '\x00\x00\x00\x13\x00\x03\x00\x00\x00\x00\x00\x07\x00\x05probe\x00\x00\x00\x00' >&3
    timeout 5 head -c 12 <&3 | od -An -v -tx1 | tr -d ' \n'
  ) 2>/dev/null || return 1
  # 4 bytes size, then correlation id 00000007, then the broker count (int32, must be > 0).
  [[ ${#reply} -eq 24 && ${reply:8:8} == 00000007 && ${reply:16:8} != 00000000 ]]
}

if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  echo "start.sh: broker already running (pid $(cat "$pid_file")) for $data_dir" >&2
  exit 0
fi
port_open "$port" && { echo "start.sh: port $port on 127.0.0.1 is already in use" >&2; exit 1; }

controller_port=${KAFKA_CONTROLLER_PORT:-}
if [[ -z $controller_port ]]; then
  controller_port=$((port + 1))
  while port_open "$controller_port"; do controller_port=$((controller_port + 1)); done
fi

cat > "$data_dir/server.properties" <<PROPS
# Written by scripts/kafka/start.sh; rewritten on every start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data_dir/kafka-data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
# one node: internal topics with RF 1 and one partition each (50 is slow to create on 2 cores)
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
share.coordinator.state.topic.num.partitions=1
group.initial.rebalance.delay.ms=0
# small machine
num.network.threads=2
num.io.threads=2
num.recovery.threads.per.data.dir=1
log.cleaner.threads=1
# the cleaner allocates this on the heap at start (default 128 MiB)
log.cleaner.dedupe.buffer.size=8388608
PROPS

cat > "$data_dir/log4j2.properties" <<PROPS
# Written by scripts/kafka/start.sh; rewritten on every start.
status = warn
name = polyconnect-test-broker
appender.file.type = File
appender.file.name = FILE
appender.file.fileName = $data_dir/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.file.ref = FILE
# logs "Kafka Server started" at INFO
logger.raft.name = kafka.server.KafkaRaftServer
logger.raft.level = INFO
PROPS

log4j_opt="-Dlog4j2.configurationFile=$data_dir/log4j2.properties"

if [[ ! -f "$data_dir/kafka-data/meta.properties" ]]; then
  # 16 random bytes as URL-safe base64 without padding, Kafka's Uuid text form; a leading '-'
  # would read as a command-line flag, so draw again (Kafka's own random-uuid does the same).
  cluster_id=-
  while [[ $cluster_id == -* ]]; do
    cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  done
  java -Xmx128m "$log4j_opt" -cp "$libs/*" kafka.tools.StorageTool format \
    -t "$cluster_id" -c "$data_dir/server.properties" > "$data_dir/format.out" 2>&1 ||
    { echo "start.sh: storage format failed:" >&2; cat "$data_dir/format.out" >&2; exit 1; }
fi

# shellcheck disable=SC2086 # the *_OPTS variables are word lists on purpose
java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
  -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true ${KAFKA_JVM_OPTS:-} "$log4j_opt" \
  -cp "$libs/*" kafka.Kafka "$data_dir/server.properties" \
  </dev/null >"$data_dir/jvm.out" 2>&1 &
pid=$!
echo "$pid" > "$pid_file"

fail() {
  echo "start.sh: $1" >&2
  for f in server.log jvm.out; do
    [[ -s "$data_dir/$f" ]] && { echo "--- tail of $data_dir/$f" >&2; tail -n 40 "$data_dir/$f" >&2; }
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pid_file"
  exit 1
}

deadline=$((SECONDS + ${KAFKA_START_TIMEOUT:-60}))
# The PLAINTEXT socket opens only once the broker is unfenced; the Metadata reply confirms it.
until port_open "$port" && metadata_ok; do
  kill -0 "$pid" 2>/dev/null || fail "broker exited during start-up"
  ((SECONDS < deadline)) || fail "broker not ready on 127.0.0.1:$port after ${KAFKA_START_TIMEOUT:-60}s"
  sleep 0.2
done
echo "kafka broker ready on 127.0.0.1:$port (pid $pid, controller port $controller_port, data $data_dir)"
