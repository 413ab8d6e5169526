#!/usr/bin/env bash
# Regenerates test/golden/transforms-b/results.json by running Kafka's own SMT classes (version
# pinned in tools/golden-smt-b/pom.xml) over the hand-written inputs in
# test/golden/transforms-b/cases.json. Needs Java 17+ and Maven with access to Maven Central.
# The TypeScript tests read the committed files and never need Java.
#
#   tools/golden-smt-b/generate.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

mvn -q -B -f "$here/pom.xml" package -DskipTests
# UTC: nothing here should depend on the JVM's zone, but Date.toString in messages does.
TZ=UTC java -Duser.timezone=UTC -cp "$here/target/classes:$here/target/dependency/*" \
  polyconnect.goldensmtb.GenerateSmtGoldens "$repo/test/golden/transforms-b"
echo "golden files written under $repo/test/golden/transforms-b"
