#!/usr/bin/env bash
# Regenerates the converter golden files under test/golden/ by running Kafka's own converter classes
# (versions pinned in tools/golden/pom.xml). Needs Java 17+ and Maven with access to Maven Central.
# The TypeScript tests read the committed output and never need Java.
#
#   tools/golden/generate.sh            # writes test/golden/json-converter/ and test/golden/converters/
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

mvn -q -B -f "$here/pom.xml" package -DskipTests
rm -rf "$repo/test/golden/json-converter"/*.json "$repo/test/golden/converters"/*.json
# UTC: SimpleHeaderConverter formats dates in the JVM's default time zone.
TZ=UTC java -Duser.timezone=UTC -cp "$here/target/classes:$here/target/dependency/*" \
  polyconnect.golden.GenerateGoldens "$repo/test/golden"
echo "golden files written under $repo/test/golden"
