#!/usr/bin/env bash
# Owns stopping the broker that start.sh started in <data-dir>: SIGTERM (Kafka's shutdown hook
# does a controlled shutdown), up to KAFKA_STOP_TIMEOUT seconds (default 30), then SIGKILL.
# Leaves <data-dir> in place; deleting it is the caller's business. A missing or stale pid file
# is not an error.
# Usage: scripts/kafka/stop.sh <data-dir>   (any cwd)
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: $0 <data-dir>" >&2; exit 2; }
pid_file="$1/kafka.pid"

[[ -f "$pid_file" ]] || { echo "stop.sh: no broker pid file in $1; nothing to stop"; exit 0; }
pid=$(cat "$pid_file")

# Only signal the pid if it is still our broker (pids get reused).
is_broker() { grep -qa 'kafka.Kafka' "/proc/$pid/cmdline" 2>/dev/null; }

if is_broker; then
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + ${KAFKA_STOP_TIMEOUT:-30}))
  while is_broker && ((SECONDS < deadline)); do sleep 0.2; done
  if is_broker; then
    echo "stop.sh: broker (pid $pid) ignored SIGTERM for ${KAFKA_STOP_TIMEOUT:-30}s; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    while is_broker; do sleep 0.1; done
  fi
  echo "kafka broker stopped (pid $pid)"
else
  echo "stop.sh: broker (pid $pid) was not running"
fi
rm -f "$pid_file"
