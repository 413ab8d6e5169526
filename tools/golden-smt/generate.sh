#!/usr/bin/env bash
# Regenerates test/golden/transforms/results.json by running Kafka's own SMTs and predicates
# (connect-transforms, version pinned in tools/golden-smt/pom.xml) on the hand-written cases in
# test/golden/transforms/cases.json. Needs Java 17+ and Maven with access to Maven Central.
# The TypeScript tests read the committed output and never need Java.
#
#   tools/golden-smt/generate.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

mvn -q -B -f "$here/pom.xml" package -DskipTests
# UTC: Cast formats dates with SimpleDateFormat in the JVM's default time zone.
TZ=UTC java -Duser.timezone=UTC -cp "$here/target/classes:$here/target/dependency/*" \
  polyconnect.goldensmt.SmtGoldens "$repo/test/golden/transforms"
echo "golden file written: $repo/test/golden/transforms/results.json"
