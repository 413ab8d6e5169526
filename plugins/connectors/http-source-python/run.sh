#!/bin/sh
# The plugin's command (plugin.json): runs the connector with the repository's Python venv
# (.cache/python-venv, made by plugins/sdk/python/setup-venv.sh) when there is one, else with
# POLYCONNECT_PYTHON or python3 from PATH (which then needs grpcio, grpcio-health-checking and
# protobuf). The SDK is found from the repository too, so no install step is needed in this
# folder. exec keeps the pid the worker started, so its signals reach Python itself.
here="$(cd "$(dirname "$0")" && pwd)"
python="${POLYCONNECT_PYTHON:-$here/../../../.cache/python-venv/bin/python}"
[ -x "$python" ] || python="$(command -v python3)"
PYTHONPATH="$here/src:$here/../../sdk/python/src${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONPATH
exec "$python" -m polyconnect_http_source.main "$@"
