#!/usr/bin/env bash
# Runs every Python test in the repository: the SDK's (plugins/sdk/python/tests) and the Python
# connectors' (plugins/connectors/*-python/tests), each as its own pytest run (each folder has its
# own pytest settings), after making sure the venv is there (setup-venv.sh). For CI and people.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
"$here/setup-venv.sh"
python="$repo/.cache/python-venv/bin/python"
"$python" -m pytest "$here" "$@"
for connector in "$repo"/plugins/connectors/*-python; do
  [[ -d $connector/tests ]] && "$python" -m pytest "$connector" "$@"
done
