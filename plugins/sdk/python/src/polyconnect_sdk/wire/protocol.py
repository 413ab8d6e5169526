"""The generated protocol modules, imported in one place (the only module that names _generated)."""

from .._generated.polyconnect.data.v1 import record_pb2, schema_pb2
from .._generated.polyconnect.plugin.v1 import (
    config_pb2,
    connector_service_pb2,
    connector_service_pb2_grpc,
    errors_pb2,
    offsets_pb2,
    plugin_service_pb2,
    plugin_service_pb2_grpc,
    sink_task_service_pb2,
    sink_task_service_pb2_grpc,
    source_task_service_pb2,
    source_task_service_pb2_grpc,
)

__all__ = [
    "config_pb2",
    "connector_service_pb2",
    "connector_service_pb2_grpc",
    "errors_pb2",
    "offsets_pb2",
    "plugin_service_pb2",
    "plugin_service_pb2_grpc",
    "record_pb2",
    "schema_pb2",
    "sink_task_service_pb2",
    "sink_task_service_pb2_grpc",
    "source_task_service_pb2",
    "source_task_service_pb2_grpc",
]
