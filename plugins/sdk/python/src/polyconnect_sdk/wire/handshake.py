"""The go-plugin compatible launch contract (docs/plugin-protocol.md sections 2 and 3): the
environment a worker passes to a plugin process and the one handshake line the plugin prints on
stdout, ``CORE|APP|NETWORK|ADDRESS|PROTOCOL``.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

#: The magic-cookie variable: plugins refuse to run without it, so that users get a clear message.
MAGIC_COOKIE_KEY = "POLYCONNECT_PLUGIN"
MAGIC_COOKIE_VALUE = "d1f1b7c4e2a94f6e8b3a5c0f7e9d2b41"
#: go-plugin's own protocol version; always 1.
CORE_PROTOCOL_VERSION = 1
#: Versions of polyconnect.plugin this SDK speaks, oldest first.
SUPPORTED_APP_PROTOCOL_VERSIONS: tuple[int, ...] = (1,)
#: The grpc.health.v1 service name the worker checks.
HEALTH_SERVICE_NAME = "plugin"

NOT_A_WORKER_MESSAGE = (
    "This program is a Polyconnect plugin. It is not meant to be run directly: put its folder on a "
    "worker's plugin.path and use its connector classes in connector configs.\n"
)


class HandshakeError(Exception):
    pass


class HandshakeLine(NamedTuple):
    core_protocol_version: int
    app_protocol_version: int
    network: str
    address: str
    protocol: str


def format_handshake_line(app_protocol_version: int, network: str, address: str) -> str:
    """``1|<app>|<network>|<address>|grpc`` (without the newline)."""
    return f"{CORE_PROTOCOL_VERSION}|{app_protocol_version}|{network}|{address}|grpc"


def negotiate_app_protocol_version(
    offered: str | None, supported: Sequence[int] = SUPPORTED_APP_PROTOCOL_VERSIONS
) -> int | None:
    """The highest version in PLUGIN_PROTOCOL_VERSIONS (comma-separated) that this plugin speaks."""
    versions = set()
    for part in (offered or "").split(","):
        part = part.strip()
        if part.lstrip("-").isdigit():
            versions.add(int(part))
    common = [version for version in supported if version in versions]
    return max(common) if common else None


def parse_handshake_line(raw: str, accepted: Sequence[int] = SUPPORTED_APP_PROTOCOL_VERSIONS) -> HandshakeLine:
    """Parses and checks a handshake line as the worker does (for tests and drivers)."""
    text = raw.strip()
    parts = text.split("|")
    if len(parts) < 4:
        raise HandshakeError(f'Unrecognized remote plugin message "{text[:200]}": expected "CORE|APP|NETWORK|ADDRESS|PROTOCOL"')
    core, app, network, address = parts[:4]
    protocol = parts[4] if len(parts) > 4 else "netrpc"
    if core != str(CORE_PROTOCOL_VERSION):
        raise HandshakeError(f'Incompatible core plugin protocol version: got "{core}"')
    if not app.isdigit() or int(app) not in accepted:
        raise HandshakeError(f'Incompatible plugin protocol version: got "{app}"')
    if network not in ("unix", "tcp"):
        raise HandshakeError(f'Unknown network type "{network}"')
    if address == "":
        raise HandshakeError("Empty address")
    if protocol != "grpc":
        raise HandshakeError(f'Unsupported plugin protocol "{protocol}"')
    return HandshakeLine(CORE_PROTOCOL_VERSION, int(app), network, address, protocol)
