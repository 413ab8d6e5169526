from polyconnect_sdk._generated.polyconnect.data.v1 import schema_pb2 as _schema_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TimestampType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TIMESTAMP_TYPE_UNSPECIFIED: _ClassVar[TimestampType]
    TIMESTAMP_TYPE_NO_TIMESTAMP_TYPE: _ClassVar[TimestampType]
    TIMESTAMP_TYPE_CREATE_TIME: _ClassVar[TimestampType]
    TIMESTAMP_TYPE_LOG_APPEND_TIME: _ClassVar[TimestampType]
TIMESTAMP_TYPE_UNSPECIFIED: TimestampType
TIMESTAMP_TYPE_NO_TIMESTAMP_TYPE: TimestampType
TIMESTAMP_TYPE_CREATE_TIME: TimestampType
TIMESTAMP_TYPE_LOG_APPEND_TIME: TimestampType

class Header(_message.Message):
    __slots__ = ("key", "schema_ref", "value")
    KEY_FIELD_NUMBER: _ClassVar[int]
    SCHEMA_REF_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    key: str
    schema_ref: int
    value: str
    def __init__(self, key: _Optional[str] = ..., schema_ref: _Optional[int] = ..., value: _Optional[str] = ...) -> None: ...

class SourceRecord(_message.Message):
    __slots__ = ("topic", "kafka_partition", "key_schema_ref", "key", "value_schema_ref", "value", "timestamp", "headers", "source_partition", "source_offset")
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    KAFKA_PARTITION_FIELD_NUMBER: _ClassVar[int]
    KEY_SCHEMA_REF_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    VALUE_SCHEMA_REF_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    HEADERS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_PARTITION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_OFFSET_FIELD_NUMBER: _ClassVar[int]
    topic: str
    kafka_partition: int
    key_schema_ref: int
    key: str
    value_schema_ref: int
    value: str
    timestamp: int
    headers: _containers.RepeatedCompositeFieldContainer[Header]
    source_partition: str
    source_offset: str
    def __init__(self, topic: _Optional[str] = ..., kafka_partition: _Optional[int] = ..., key_schema_ref: _Optional[int] = ..., key: _Optional[str] = ..., value_schema_ref: _Optional[int] = ..., value: _Optional[str] = ..., timestamp: _Optional[int] = ..., headers: _Optional[_Iterable[_Union[Header, _Mapping]]] = ..., source_partition: _Optional[str] = ..., source_offset: _Optional[str] = ...) -> None: ...

class SourceRecordBatch(_message.Message):
    __slots__ = ("schemas", "records")
    SCHEMAS_FIELD_NUMBER: _ClassVar[int]
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    schemas: _containers.RepeatedCompositeFieldContainer[_schema_pb2.Schema]
    records: _containers.RepeatedCompositeFieldContainer[SourceRecord]
    def __init__(self, schemas: _Optional[_Iterable[_Union[_schema_pb2.Schema, _Mapping]]] = ..., records: _Optional[_Iterable[_Union[SourceRecord, _Mapping]]] = ...) -> None: ...

class SinkRecord(_message.Message):
    __slots__ = ("topic", "kafka_partition", "kafka_offset", "timestamp", "timestamp_type", "key_schema_ref", "key", "value_schema_ref", "value", "headers", "original_topic", "original_kafka_partition", "original_kafka_offset")
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    KAFKA_PARTITION_FIELD_NUMBER: _ClassVar[int]
    KAFKA_OFFSET_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_TYPE_FIELD_NUMBER: _ClassVar[int]
    KEY_SCHEMA_REF_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    VALUE_SCHEMA_REF_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    HEADERS_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_TOPIC_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_KAFKA_PARTITION_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_KAFKA_OFFSET_FIELD_NUMBER: _ClassVar[int]
    topic: str
    kafka_partition: int
    kafka_offset: int
    timestamp: int
    timestamp_type: TimestampType
    key_schema_ref: int
    key: str
    value_schema_ref: int
    value: str
    headers: _containers.RepeatedCompositeFieldContainer[Header]
    original_topic: str
    original_kafka_partition: int
    original_kafka_offset: int
    def __init__(self, topic: _Optional[str] = ..., kafka_partition: _Optional[int] = ..., kafka_offset: _Optional[int] = ..., timestamp: _Optional[int] = ..., timestamp_type: _Optional[_Union[TimestampType, str]] = ..., key_schema_ref: _Optional[int] = ..., key: _Optional[str] = ..., value_schema_ref: _Optional[int] = ..., value: _Optional[str] = ..., headers: _Optional[_Iterable[_Union[Header, _Mapping]]] = ..., original_topic: _Optional[str] = ..., original_kafka_partition: _Optional[int] = ..., original_kafka_offset: _Optional[int] = ...) -> None: ...

class SinkRecordBatch(_message.Message):
    __slots__ = ("schemas", "records")
    SCHEMAS_FIELD_NUMBER: _ClassVar[int]
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    schemas: _containers.RepeatedCompositeFieldContainer[_schema_pb2.Schema]
    records: _containers.RepeatedCompositeFieldContainer[SinkRecord]
    def __init__(self, schemas: _Optional[_Iterable[_Union[_schema_pb2.Schema, _Mapping]]] = ..., records: _Optional[_Iterable[_Union[SinkRecord, _Mapping]]] = ...) -> None: ...
