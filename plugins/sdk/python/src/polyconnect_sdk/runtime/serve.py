"""serve(): turns this process into a Polyconnect plugin (docs/plugin-protocol.md sections 2-4).

It checks the launch environment (the magic cookie, PLUGIN_PROTOCOL_VERSIONS), serves the plugin
protocol on a unix socket in PLUGIN_UNIX_SOCKET_DIR with grpc.aio, reports "plugin" SERVING on
grpc.health.v1, registers plugin.GRPCController/Shutdown by hand, prints the go-plugin handshake
line on stdout, and exits with status 0 on Shutdown, on SIGTERM, or when the worker that started
it is gone (the process was re-parented), after stopping every instance (5 s at most together).
SIGINT is ignored, as go-plugin servers do, so that a Ctrl-C in the worker's terminal lets the
worker stop its plugins in order.

Stdout carries only the handshake: see stdout_guard.py.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import sys
import tempfile
from typing import Any, NoReturn, Sequence

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1.health import aio as health_aio

from ..connector import Connector
from ..wire.handshake import (
    HEALTH_SERVICE_NAME,
    MAGIC_COOKIE_KEY,
    MAGIC_COOKIE_VALUE,
    NOT_A_WORKER_MESSAGE,
    SUPPORTED_APP_PROTOCOL_VERSIONS,
    format_handshake_line,
    negotiate_app_protocol_version,
)
from ..wire.protocol import connector_service_pb2_grpc, plugin_service_pb2_grpc, sink_task_service_pb2_grpc, source_task_service_pb2_grpc
from .calls import Calls, new_call_executor
from .class_registry import ClassRegistry
from .connector_service import ConnectorServicer, PluginServicer
from .instances import ConnectorInstance, Instance, Instances
from .logger import configure_logging, get_logger
from .stdout_guard import guard_stdout
from .sink_task_service import SinkTaskServicer
from .source_task_service import SourceTaskServicer

log = get_logger("polyconnect_sdk.serve")

#: Unlimited message sizes: batches can be large (the worker accepts up to 256 MiB).
SERVER_OPTIONS = (("grpc.max_receive_message_length", -1), ("grpc.max_send_message_length", -1))
#: sun_path holds 104 to 108 bytes depending on the OS; longer socket paths fall back to TCP.
MAX_SOCKET_PATH_BYTES = 100
ORPHAN_CHECK_SECONDS = 1.0


def serve(name: str, version: str, connectors: Sequence[type[Connector]], *, shutdown_timeout_ms: int = 5000) -> NoReturn:
    """Serves the plugin until the worker stops it, then exits the process.

    Exits with status 1 and a message on stderr when the process was not started by a Polyconnect
    worker (no magic cookie) or when the worker speaks no protocol version this SDK speaks.
    """
    if os.environ.get(MAGIC_COOKIE_KEY) != MAGIC_COOKIE_VALUE:
        sys.stderr.write(NOT_A_WORKER_MESSAGE)
        sys.stderr.flush()
        sys.exit(1)
    offered = os.environ.get("PLUGIN_PROTOCOL_VERSIONS")
    app_version = negotiate_app_protocol_version(offered)
    if app_version is None:
        speaks = ",".join(map(str, SUPPORTED_APP_PROTOCOL_VERSIONS))
        sys.stderr.write(f'No common plugin protocol version: the worker offers "{offered or ""}", this plugin speaks {speaks}\n')
        sys.stderr.flush()
        sys.exit(1)
    parent = os.getppid()
    handshake_fd = guard_stdout()
    configure_logging()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    code = 1
    try:
        code = asyncio.run(_serve(name, version, connectors, app_version, handshake_fd, shutdown_timeout_ms / 1000, parent))
    except BaseException as error:  # noqa: BLE001 - report and exit non-zero
        log.error("The plugin failed", error=error)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)  # not sys.exit: connector threads stuck in poll must not keep the process alive


async def _serve(
    name: str, version: str, connectors: Sequence[type[Connector]], app_version: int, handshake_fd: int, shutdown_timeout: float, parent: int
) -> int:
    loop = asyncio.get_running_loop()
    registry = ClassRegistry(connectors)
    instances = Instances()
    calls = Calls(new_call_executor())
    server = grpc.aio.server(options=SERVER_OPTIONS)

    health = health_aio.HealthServicer()
    await health.set("", health_pb2.HealthCheckResponse.SERVING)
    await health.set(HEALTH_SERVICE_NAME, health_pb2.HealthCheckResponse.SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(health, server)
    plugin_service_pb2_grpc.add_PluginServiceServicer_to_server(PluginServicer(name, version, registry, calls), server)
    connector_service_pb2_grpc.add_ConnectorServiceServicer_to_server(ConnectorServicer(instances, registry, calls), server)
    source_task_service_pb2_grpc.add_SourceTaskServiceServicer_to_server(SourceTaskServicer(instances, registry, calls), server)
    sink_task_service_pb2_grpc.add_SinkTaskServiceServicer_to_server(SinkTaskServicer(instances, registry, calls), server)

    stop_requested = asyncio.Event()
    server.add_generic_rpc_handlers((_controller_handler(stop_requested),))
    network, address, socket_path = _bind(server)
    await server.start()
    loop.add_signal_handler(signal.SIGTERM, stop_requested.set)
    watcher = asyncio.create_task(_watch_parent(parent, stop_requested))

    os.write(handshake_fd, (format_handshake_line(app_version, network, address) + "\n").encode())
    await stop_requested.wait()

    watcher.cancel()
    await _stop_all(instances, calls, shutdown_timeout)
    await server.stop(None)
    if socket_path is not None:
        try:
            os.unlink(socket_path)
        except FileNotFoundError:
            pass
    return 0


def _bind(server: Any) -> tuple[str, str, str | None]:
    """Binds a unix socket in PLUGIN_UNIX_SOCKET_DIR, or TCP on 127.0.0.1 when the path would be too long."""
    directory = os.environ.get("PLUGIN_UNIX_SOCKET_DIR") or tempfile.gettempdir()
    path = os.path.join(directory, f"plugin-{os.getpid()}-{secrets.token_hex(4)}.sock")
    if len(path.encode()) <= MAX_SOCKET_PATH_BYTES:
        server.add_insecure_port(f"unix:{path}")
        return "unix", path, path
    low = int(os.environ.get("PLUGIN_MIN_PORT") or 0)
    high = int(os.environ.get("PLUGIN_MAX_PORT") or 0)
    candidates = range(low, high + 1) if low > 0 and high >= low else [0]
    for port in candidates:
        try:
            bound = server.add_insecure_port(f"127.0.0.1:{port}")
        except RuntimeError:
            continue
        if bound:
            return "tcp", f"127.0.0.1:{bound}", None
    raise RuntimeError(f"Cannot listen: socket path {path} is too long and no TCP port in [{low}, {high}] is free")


def _controller_handler(stop_requested: asyncio.Event) -> Any:
    """go-plugin's plugin.GRPCController/Shutdown(Empty) returns (Empty), registered without a .proto."""

    async def shutdown(request: Any, context: Any) -> Any:
        log.info("Shutdown requested by the worker")
        asyncio.get_running_loop().call_soon(stop_requested.set)
        return _EMPTY

    handler = grpc.unary_unary_rpc_method_handler(shutdown, request_deserializer=lambda data: _EMPTY, response_serializer=lambda response: b"")
    return grpc.method_handlers_generic_handler("plugin.GRPCController", {"Shutdown": handler})


_EMPTY = object()


async def _watch_parent(parent: int, stop_requested: asyncio.Event) -> None:
    """A worker killed with SIGKILL cannot stop its plugins; they notice by being re-parented."""
    while True:
        await asyncio.sleep(ORPHAN_CHECK_SECONDS)
        if os.getppid() != parent:
            log.warn(f"The worker (pid {parent}) is gone; stopping this plugin")
            stop_requested.set()
            return


def _stop_quietly(instance_id: str, instance: Instance) -> None:
    try:
        if isinstance(instance, ConnectorInstance):
            instance.connector.stop()
        else:
            instance.task.stop()
    except Exception as error:  # noqa: BLE001 - shutting down regardless
        log.warn("Instance failed to stop cleanly during shutdown", instance=instance_id, error=error)


async def _stop_all(instances: Instances, calls: Calls, timeout: float) -> None:
    stops = []
    for instance_id, instance in instances.take_all():
        stops.append(calls.run(_stop_quietly, instance_id, instance))
        instance.mark_stopped()
    if not stops:
        return
    _, pending = await asyncio.wait([asyncio.ensure_future(stop) for stop in stops], timeout=timeout)
    if pending:
        log.warn(f"Instances did not stop within {int(timeout * 1000)} ms; shutting down anyway")
