#!/usr/bin/env bash
# Builds the datagen plugin's binary into bin/datagen, the command plugin.json runs (the worker
# does not build plugins). Needs Go and the module proxy (or a filled module cache).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
mkdir -p bin
go build -trimpath -buildvcs=false -o bin/datagen.tmp .
mv bin/datagen.tmp bin/datagen
echo "built $(pwd)/bin/datagen"
