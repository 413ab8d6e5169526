"""The plugin's entry point (run.sh runs it): serves HttpSourceConnector."""

import polyconnect_sdk  # first: from here on nothing but the handshake reaches stdout

from polyconnect_http_source import VERSION
from polyconnect_http_source.connector import HttpSourceConnector

if __name__ == "__main__":
    polyconnect_sdk.serve("http-source-python", VERSION, [HttpSourceConnector])
