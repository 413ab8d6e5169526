#!/usr/bin/env bash
# Owns .cache/kafka/<version>/libs: the jars of the test Kafka broker, copied from Maven Central
# by maven-dependency-plugin's copy-dependencies on broker.pom.xml. A marker file holding the
# pom's checksum makes repeat runs a no-op; editing the pom triggers a fresh copy. The jars are
# copied to a scratch dir and moved into place, so a failed or interrupted run leaves no half set.
# Usage: scripts/kafka/fetch-jars.sh   (any cwd; needs java and mvn on PATH)
set -euo pipefail

KAFKA_VERSION=4.1.2
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/../.." && pwd)
pom="$script_dir/broker.pom.xml"
cache_dir="$repo_root/.cache/kafka/$KAFKA_VERSION"
libs="$cache_dir/libs"
marker="$cache_dir/libs.complete"

want=$(sha256sum "$pom" | cut -d' ' -f1)
if [[ -f "$marker" && -d "$libs" && "$(cat "$marker")" == "$want" ]]; then
  exit 0
fi

command -v mvn >/dev/null || { echo "fetch-jars.sh: mvn not found on PATH" >&2; exit 1; }

mkdir -p "$cache_dir"
scratch=$(mktemp -d "$cache_dir/libs.tmp.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# -q hides progress; Maven still prints [ERROR] lines, so failures stay visible. The sed drops the
# bare colour-reset codes Debian's Maven 3.8 writes to both streams even in -q -B mode.
mvn -B -q -ntp -f "$pom" "$DEPENDENCY_PLUGIN:copy-dependencies" \
  -DincludeScope=runtime -DoutputDirectory="$scratch" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g'

ls "$scratch"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null ||
  { echo "fetch-jars.sh: kafka_2.13-$KAFKA_VERSION.jar missing after copy" >&2; exit 1; }

rm -rf "$libs" "$marker"
mv "$scratch" "$libs"
echo "$want" > "$marker"
