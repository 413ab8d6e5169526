#!/usr/bin/env bash
# Regenerates the internal-topic golden files under test/golden/stores/ by running Kafka Connect's
# own KafkaConfigBackingStore, KafkaStatusBackingStore, KafkaOffsetBackingStore, OffsetStorageWriter
# and FileStreamSourceTask (versions pinned in tools/golden-stores/pom.xml) against an in-memory log.
# Needs Java 17+ and Maven with access to Maven Central. The TypeScript tests read the committed
# output and never need Java.
#
#   tools/golden-stores/generate.sh      # writes test/golden/stores/*.json
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

mvn -q -B -f "$here/pom.xml" package -DskipTests
out="$repo/test/golden/stores"
mkdir -p "$out"
rm -f "$out"/*.json
# The FileStreamSource input is read from a relative path, so the stored source partition
# ({"filename":"input.txt"}) is the same on every machine.
work="$here/target/work"
rm -rf "$work" && mkdir -p "$work"
(cd "$work" && TZ=UTC java -Duser.timezone=UTC -cp "$here/target/classes:$here/target/dependency/*" \
  polyconnect.goldenstores.GenerateStoreGoldens "$out")
echo "golden files written under $out"
