#!/usr/bin/env bash
# Creates the repository's Python virtualenv (.cache/python-venv at the repo root) when missing
# and installs the Python SDK (editable, with its test extra: pytest and the pinned grpcio-tools)
# into it. Python plugins run with this venv (plugins/connectors/http-source-python/run.sh), and
# the Python tests and test/integration/python-plugin.test.ts need it. Idempotent and quiet: it
# reinstalls only when pyproject.toml or the Python version changed (a stamp file remembers).
#
#   plugins/sdk/python/setup-venv.sh            create/update the venv
#   PYTHON=python3.12 plugins/sdk/python/setup-venv.sh   use another interpreter (>= 3.10)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
venv="$repo/.cache/python-venv"
python="${PYTHON:-python3}"

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
  echo "setup-venv.sh: need Python >= 3.10 as '$python'" >&2
  exit 1
fi

if [[ ! -x $venv/bin/python ]]; then
  if ! "$python" -m venv "$venv" >/dev/null 2>&1; then
    rm -rf "$venv"
    echo "setup-venv.sh: '$python -m venv' failed; on Debian install python3-venv (apt-get install python3-venv)" >&2
    exit 1
  fi
fi

stamp="$venv/.polyconnect-sdk-stamp"
wanted="$("$venv/bin/python" -c 'import sys; print(sys.version)' | head -n 1) $(cat "$here/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [[ -f $stamp && "$(cat "$stamp")" == "$wanted" ]] && "$venv/bin/python" -c 'import polyconnect_sdk, pytest, grpc_tools' 2>/dev/null; then
  exit 0
fi

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
"$venv/bin/python" -m pip install --quiet --upgrade pip >/dev/null
"$venv/bin/python" -m pip install --quiet -e "$here[test]"
printf '%s' "$wanted" > "$stamp"
