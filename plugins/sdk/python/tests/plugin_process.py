"""Launches a plugin the way the worker does (docs/plugin-protocol.md sections 2-3) and talks to it
over its unix socket with grpc: for the SDK's tests and for the throughput driver."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Sequence

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from polyconnect_sdk.wire.handshake import MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, parse_handshake_line
from polyconnect_sdk.wire.protocol import (
    connector_service_pb2_grpc,
    plugin_service_pb2_grpc,
    sink_task_service_pb2_grpc,
    source_task_service_pb2_grpc,
)

HERE = Path(__file__).resolve().parent
FIXTURE_PLUGIN = HERE / "fixture_plugin.py"
MAX_MESSAGE_BYTES = 256 * 1024 * 1024


def launch_environment(socket_dir: str, versions: str = "1") -> dict[str, str]:
    env = dict(os.environ)
    env.update({MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE, "PLUGIN_PROTOCOL_VERSIONS": versions, "PLUGIN_UNIX_SOCKET_DIR": socket_dir,
                "PLUGIN_MIN_PORT": "0", "PLUGIN_MAX_PORT": "0"})
    return env


class PluginProcess:
    """A running plugin: its process, handshake, stderr lines, channel and service stubs."""

    def __init__(self, command: Sequence[str], env: dict[str, str] | None = None, cwd: str | None = None, timeout: float = 30) -> None:
        self.socket_dir = tempfile.mkdtemp(prefix="pc-")
        os.chmod(self.socket_dir, 0o700)
        self.process = subprocess.Popen(list(command), env=env or launch_environment(self.socket_dir), cwd=cwd,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.stderr_lines: list[str] = []
        self._stderr_thread = threading.Thread(target=self._read_stderr, daemon=True)
        self._stderr_thread.start()
        self.stdout_lines = self._read_handshake(timeout)
        self.handshake = parse_handshake_line(self.stdout_lines[0])
        target = f"unix:{self.handshake.address}" if self.handshake.network == "unix" else self.handshake.address
        self.channel = grpc.insecure_channel(target, options=[("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
                                                              ("grpc.max_send_message_length", MAX_MESSAGE_BYTES)])
        self.health = health_pb2_grpc.HealthStub(self.channel)
        self.plugin = plugin_service_pb2_grpc.PluginServiceStub(self.channel)
        self.connectors = connector_service_pb2_grpc.ConnectorServiceStub(self.channel)
        self.source_tasks = source_task_service_pb2_grpc.SourceTaskServiceStub(self.channel)
        self.sink_tasks = sink_task_service_pb2_grpc.SinkTaskServiceStub(self.channel)
        self.wait_until_serving(timeout)

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for raw in self.process.stderr:
            self.stderr_lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    def _read_handshake(self, timeout: float) -> list[str]:
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        buffered = b""
        fd = self.process.stdout.fileno()
        while b"\n" not in buffered:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.kill()
                raise TimeoutError(f"No handshake within {timeout} s; stderr:\n" + "\n".join(self.stderr_lines[-20:]))
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 4096)
                if not chunk:
                    self.process.wait(5)
                    raise RuntimeError(f"The plugin exited with {self.process.returncode} before its handshake; stderr:\n" + "\n".join(self.stderr_lines[-20:]))
                buffered += chunk
        return [line for line in buffered.decode().splitlines() if line.strip()]

    def wait_until_serving(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                status = self.health.Check(health_pb2.HealthCheckRequest(service="plugin"), timeout=1).status
                if status == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.RpcError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("The plugin never reported SERVING")
            time.sleep(0.05)

    def shutdown(self) -> None:
        """plugin.GRPCController/Shutdown with empty messages, registered by hand (as the worker does)."""
        call = self.channel.unary_unary("/plugin.GRPCController/Shutdown", request_serializer=lambda _: b"", response_deserializer=lambda data: {})
        try:
            call(None, timeout=5)
        except grpc.RpcError as error:
            if error.code() not in (grpc.StatusCode.CANCELLED, grpc.StatusCode.UNAVAILABLE):
                raise

    def wait(self, timeout: float = 15) -> int:
        code = self.process.wait(timeout)
        self._stderr_thread.join(5)
        return code

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)

    def close(self) -> None:
        try:
            self.channel.close()
        except Exception:  # noqa: BLE001
            pass
        self.kill()


def fixture_command() -> list[str]:
    return [sys.executable, str(FIXTURE_PLUGIN)]


def error_info(error: Any) -> Any:
    from polyconnect_sdk.wire.error_info import error_info_from_metadata

    return error_info_from_metadata(error.trailing_metadata())
