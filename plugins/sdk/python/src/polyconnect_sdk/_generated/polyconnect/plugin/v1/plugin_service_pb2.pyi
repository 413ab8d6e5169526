from polyconnect_sdk._generated.polyconnect.plugin.v1 import config_pb2 as _config_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ConnectorType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONNECTOR_TYPE_UNSPECIFIED: _ClassVar[ConnectorType]
    CONNECTOR_TYPE_SOURCE: _ClassVar[ConnectorType]
    CONNECTOR_TYPE_SINK: _ClassVar[ConnectorType]
CONNECTOR_TYPE_UNSPECIFIED: ConnectorType
CONNECTOR_TYPE_SOURCE: ConnectorType
CONNECTOR_TYPE_SINK: ConnectorType

class DescribeRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DescribeResponse(_message.Message):
    __slots__ = ("name", "version", "connectors")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CONNECTORS_FIELD_NUMBER: _ClassVar[int]
    name: str
    version: str
    connectors: _containers.RepeatedCompositeFieldContainer[ConnectorDescription]
    def __init__(self, name: _Optional[str] = ..., version: _Optional[str] = ..., connectors: _Optional[_Iterable[_Union[ConnectorDescription, _Mapping]]] = ...) -> None: ...

class ConnectorDescription(_message.Message):
    __slots__ = ("class_name", "aliases", "type", "version", "config_keys")
    CLASS_NAME_FIELD_NUMBER: _ClassVar[int]
    ALIASES_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CONFIG_KEYS_FIELD_NUMBER: _ClassVar[int]
    class_name: str
    aliases: _containers.RepeatedScalarFieldContainer[str]
    type: ConnectorType
    version: str
    config_keys: _containers.RepeatedCompositeFieldContainer[_config_pb2.ConfigKey]
    def __init__(self, class_name: _Optional[str] = ..., aliases: _Optional[_Iterable[str]] = ..., type: _Optional[_Union[ConnectorType, str]] = ..., version: _Optional[str] = ..., config_keys: _Optional[_Iterable[_Union[_config_pb2.ConfigKey, _Mapping]]] = ...) -> None: ...
