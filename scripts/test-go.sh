#!/usr/bin/env bash
# Builds the Go plugins and the Go conformance fixture (the worker runs their binaries, it does not
# build them) and runs their and the Go SDK's own checks: go vet and go test. Part of `npm test`.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null || { echo "scripts/test-go.sh: Go is not installed (Go 1.26 or newer is needed)" >&2; exit 1; }
for build in "$repo"/plugins/connectors/*-go/build.sh "$repo"/test/fixtures/plugins/conformance-go/build.sh; do
  bash "$build" >/dev/null
done
for module in "$repo/plugins/sdk/go" "$repo"/plugins/connectors/*-go "$repo"/test/fixtures/plugins/conformance-go; do
  (cd "$module" && go vet ./... && go test ./... | grep -v '^ok\|no test files' || true)
  (cd "$module" && go test ./... >/dev/null) # the real verdict: fails the script if a test fails
done
echo "Go: plugins built; go vet and go test passed"
