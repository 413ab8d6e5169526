"""An HTTP/JSON polling source connector for Polyconnect, written with the Python SDK."""

VERSION = "0.1.0"
