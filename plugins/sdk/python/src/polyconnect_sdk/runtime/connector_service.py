"""Plugin-side handlers of PluginService (Describe) and ConnectorService: connector instances from
StartConnector to StopConnector, their task configs, and their event stream to the worker.
"""

from __future__ import annotations

import asyncio
from typing import Any, AsyncIterator

from ..config.config_def import ConfigKey, ConfigValue, render_config_value
from ..connector import class_name_of
from ..wire.error_info import error_info_of
from ..wire.protocol import config_pb2, connector_service_pb2, connector_service_pb2_grpc, plugin_service_pb2, plugin_service_pb2_grpc
from .calls import Calls, abort_with, unary
from .class_registry import ClassRegistry
from .instances import ConnectorInstance, Instances
from .logger import get_logger

log = get_logger("polyconnect_sdk.connector")


def to_proto_config_key(key: ConfigKey) -> Any:
    proto = config_pb2.ConfigKey(
        name=key.name,
        type=config_pb2.ConfigType.Value(f"CONFIG_TYPE_{key.type}"),
        required=key.required,
        importance=config_pb2.ConfigImportance.Value(f"CONFIG_IMPORTANCE_{key.importance}"),
        documentation=key.documentation,
        order_in_group=key.order_in_group,
        width=config_pb2.ConfigWidth.Value(f"CONFIG_WIDTH_{key.width}"),
        display_name=key.display_name,
        dependents=key.dependents,
    )
    default = render_config_value(key.default_value)
    if default is not None:
        proto.default_value = default
    if key.group is not None:
        proto.group = key.group
    return proto


def to_proto_config_value(result: ConfigValue) -> Any:
    proto = config_pb2.ConfigValue(
        name=result.name,
        recommended_values=[str(v) for v in result.recommended_values],
        errors=[str(e) for e in result.errors],
        visible=result.visible,
    )
    value = render_config_value(result.value)
    if value is not None:
        proto.value = value
    return proto


def _config_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    rendered = render_config_value(value)
    return "" if rendered is None else rendered


class PluginServicer(plugin_service_pb2_grpc.PluginServiceServicer):
    def __init__(self, name: str, version: str, registry: ClassRegistry, calls: Calls) -> None:
        self._name = name
        self._version = version
        self._registry = registry
        self._calls = calls

    @unary
    async def Describe(self, request: Any, context: Any) -> Any:
        return await self._calls.run(self._describe)

    def _describe(self) -> Any:
        response = plugin_service_pb2.DescribeResponse(name=self._name, version=self._version)
        for connector_class in self._registry.connectors:
            connector = connector_class()
            response.connectors.add(
                class_name=class_name_of(connector_class),
                aliases=list(connector_class.aliases),
                type=plugin_service_pb2.CONNECTOR_TYPE_SOURCE if connector.type == "source" else plugin_service_pb2.CONNECTOR_TYPE_SINK,
                version=connector.version(),
                config_keys=[to_proto_config_key(key) for key in connector.config().keys()],
            )
        return response


class _ConnectorContext:
    """The connector's ConnectorContext: events go to the WatchConnectorEvents stream."""

    def __init__(self, instance: ConnectorInstance, connector_name: str) -> None:
        self._instance = instance
        self._log = log.child(connector=connector_name)

    def request_task_reconfiguration(self) -> None:
        self._instance.emit(
            connector_service_pb2.WatchConnectorEventsResponse(request_task_reconfiguration=connector_service_pb2.RequestTaskReconfiguration())
        )

    def raise_error(self, error: BaseException) -> None:
        self._log.error("Connector raised an error", error=error)
        self._instance.emit(connector_service_pb2.WatchConnectorEventsResponse(error=error_info_of(error)))


class ConnectorServicer(connector_service_pb2_grpc.ConnectorServiceServicer):
    def __init__(self, instances: Instances, registry: ClassRegistry, calls: Calls) -> None:
        self._instances = instances
        self._registry = registry
        self._calls = calls

    @unary
    async def ValidateConfig(self, request: Any, context: Any) -> Any:
        connector = self._registry.new_connector(request.connector_class)
        results = await self._calls.run(connector.validate, dict(request.config))
        return connector_service_pb2.ValidateConfigResponse(values=[to_proto_config_value(result) for result in results])

    @unary
    async def StartConnector(self, request: Any, context: Any) -> Any:
        connector = self._registry.new_connector(request.connector_class)
        instance = ConnectorInstance(connector, asyncio.get_running_loop())
        connector.initialize(_ConnectorContext(instance, request.connector_name))
        self._instances.add(request.instance_id, instance)
        try:
            await self._calls.run(connector.start, dict(request.config))
        except BaseException:
            self._instances.remove(request.instance_id)
            instance.mark_stopped()
            raise
        return connector_service_pb2.StartConnectorResponse(version=await self._calls.run(connector.version))

    @unary
    async def GetTaskConfigs(self, request: Any, context: Any) -> Any:
        connector = self._instances.connector(request.instance_id).connector

        def task_configs() -> Any:
            configs = connector.task_configs(request.max_tasks)
            response = connector_service_pb2.GetTaskConfigsResponse(task_class=class_name_of(connector.task_class()))
            for config in configs:
                response.task_configs.add().config.update({str(k): _config_text(v) for k, v in config.items()})
            return response

        return await self._calls.run(task_configs)

    @unary
    async def StopConnector(self, request: Any, context: Any) -> Any:
        instance = self._instances.connector(request.instance_id)
        self._instances.remove(request.instance_id)
        try:
            await self._calls.run(instance.connector.stop)
        finally:
            instance.mark_stopped()
        return connector_service_pb2.StopConnectorResponse()

    async def WatchConnectorEvents(self, request: Any, context: Any) -> AsyncIterator[Any]:
        try:
            instance = self._instances.connector(request.instance_id)
        except Exception as error:  # noqa: BLE001
            await abort_with(context, error)
            return
        token = object()
        instance.stream_token = token
        while instance.stream_token is token:
            while instance.pending_events and instance.stream_token is token:
                yield instance.pending_events.popleft()
            if instance.stopped:
                return
            instance.wakeup.clear()
            if not instance.pending_events and not instance.stopped:
                await instance.wakeup.wait()
