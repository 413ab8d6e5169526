#!/usr/bin/env bash
# Regenerates internal/gen from the protocol's .proto files (../../../proto) with buf (the repo's
# npm devDependency) and the Go protoc plugins, installed at pinned versions into .bin/ (ignored).
# Run it after changing a .proto file, and commit the result.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

PROTOC_GEN_GO_VERSION=v1.36.12
PROTOC_GEN_GO_GRPC_VERSION=v1.6.2

export GOBIN="$PWD/.bin"
[[ -x .bin/protoc-gen-go ]] || go install "google.golang.org/protobuf/cmd/protoc-gen-go@${PROTOC_GEN_GO_VERSION}"
[[ -x .bin/protoc-gen-go-grpc ]] || go install "google.golang.org/grpc/cmd/protoc-gen-go-grpc@${PROTOC_GEN_GO_GRPC_VERSION}"

buf=../../../node_modules/.bin/buf
[[ -x $buf ]] || buf=$(command -v buf) || { echo "generate.sh: buf not found; run npm ci at the repo root" >&2; exit 1; }

rm -rf internal/gen
PATH="$PWD/.bin:$PATH" "$buf" generate --template buf.gen.yaml
gofmt -l internal/gen >/dev/null
echo "generated: $(find internal/gen -name '*.go' | wc -l) files in internal/gen"
