from polyconnect_sdk._generated.polyconnect.plugin.v1 import config_pb2 as _config_pb2
from polyconnect_sdk._generated.polyconnect.plugin.v1 import errors_pb2 as _errors_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ValidateConfigRequest(_message.Message):
    __slots__ = ("connector_class", "config")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CONNECTOR_CLASS_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    connector_class: str
    config: _containers.ScalarMap[str, str]
    def __init__(self, connector_class: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ValidateConfigResponse(_message.Message):
    __slots__ = ("values",)
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedCompositeFieldContainer[_config_pb2.ConfigValue]
    def __init__(self, values: _Optional[_Iterable[_Union[_config_pb2.ConfigValue, _Mapping]]] = ...) -> None: ...

class StartConnectorRequest(_message.Message):
    __slots__ = ("instance_id", "connector_class", "connector_name", "config")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTOR_CLASS_FIELD_NUMBER: _ClassVar[int]
    CONNECTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    connector_class: str
    connector_name: str
    config: _containers.ScalarMap[str, str]
    def __init__(self, instance_id: _Optional[str] = ..., connector_class: _Optional[str] = ..., connector_name: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ...) -> None: ...

class StartConnectorResponse(_message.Message):
    __slots__ = ("version",)
    VERSION_FIELD_NUMBER: _ClassVar[int]
    version: str
    def __init__(self, version: _Optional[str] = ...) -> None: ...

class GetTaskConfigsRequest(_message.Message):
    __slots__ = ("instance_id", "max_tasks")
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    MAX_TASKS_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    max_tasks: int
    def __init__(self, instance_id: _Optional[str] = ..., max_tasks: _Optional[int] = ...) -> None: ...

class GetTaskConfigsResponse(_message.Message):
    __slots__ = ("task_class", "task_configs")
    TASK_CLASS_FIELD_NUMBER: _ClassVar[int]
    TASK_CONFIGS_FIELD_NUMBER: _ClassVar[int]
    task_class: str
    task_configs: _containers.RepeatedCompositeFieldContainer[TaskConfig]
    def __init__(self, task_class: _Optional[str] = ..., task_configs: _Optional[_Iterable[_Union[TaskConfig, _Mapping]]] = ...) -> None: ...

class TaskConfig(_message.Message):
    __slots__ = ("config",)
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    config: _containers.ScalarMap[str, str]
    def __init__(self, config: _Optional[_Mapping[str, str]] = ...) -> None: ...

class StopConnectorRequest(_message.Message):
    __slots__ = ("instance_id",)
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    def __init__(self, instance_id: _Optional[str] = ...) -> None: ...

class StopConnectorResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class WatchConnectorEventsRequest(_message.Message):
    __slots__ = ("instance_id",)
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    def __init__(self, instance_id: _Optional[str] = ...) -> None: ...

class WatchConnectorEventsResponse(_message.Message):
    __slots__ = ("request_task_reconfiguration", "error")
    REQUEST_TASK_RECONFIGURATION_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    request_task_reconfiguration: RequestTaskReconfiguration
    error: _errors_pb2.ErrorInfo
    def __init__(self, request_task_reconfiguration: _Optional[_Union[RequestTaskReconfiguration, _Mapping]] = ..., error: _Optional[_Union[_errors_pb2.ErrorInfo, _Mapping]] = ...) -> None: ...

class RequestTaskReconfiguration(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
