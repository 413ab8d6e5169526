from polyconnect_sdk._generated.polyconnect.data.v1 import record_pb2 as _record_pb2
from polyconnect_sdk._generated.polyconnect.plugin.v1 import errors_pb2 as _errors_pb2
from polyconnect_sdk._generated.polyconnect.plugin.v1 import offsets_pb2 as _offsets_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StartSinkTaskRequest(_message.Message):
    __slots__ = ("instance_id", "connector_name", "task_id", "task_class", "config")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_CLASS_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    connector_name: str
    task_id: int
    task_class: str
    config: _containers.ScalarMap[str, str]
    def __init__(self, instance_id: _Optional[str] = ..., connector_name: _Optional[str] = ..., task_id: _Optional[int] = ..., task_class: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ...) -> None: ...

class StartSinkTaskResponse(_message.Message):
    __slots__ = ("version",)
    VERSION_FIELD_NUMBER: _ClassVar[int]
    version: str
    def __init__(self, version: _Optional[str] = ...) -> None: ...

class OpenPartitionsRequest(_message.Message):
    __slots__ = ("instance_id", "partitions")
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    PARTITIONS_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    partitions: _containers.RepeatedCompositeFieldContainer[_offsets_pb2.TopicPartition]
    def __init__(self, instance_id: _Optional[str] = ..., partitions: _Optional[_Iterable[_Union[_offsets_pb2.TopicPartition, _Mapping]]] = ...) -> None: ...

class OpenPartitionsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PutRequest(_message.Message):
    __slots__ = ("instance_id", "batch")
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    BATCH_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    batch: _record_pb2.SinkRecordBatch
    def __init__(self, instance_id: _Optional[str] = ..., batch: _Optional[_Union[_record_pb2.SinkRecordBatch, _Mapping]] = ...) -> None: ...

class PutResponse(_message.Message):
    __slots__ = ("errant_records",)
    ERRANT_RECORDS_FIELD_NUMBER: _ClassVar[int]
    errant_records: _containers.RepeatedCompositeFieldContainer[_errors_pb2.ErrantRecord]
    def __init__(self, errant_records: _Optional[_Iterable[_Union[_errors_pb2.ErrantRecord, _Mapping]]] = ...) -> None: ...

class PreCommitRequest(_message.Message):
    __slots__ = ("instance_id", "offsets")
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    OFFSETS_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    offsets: _containers.RepeatedCompositeFieldContainer[_offsets_pb2.TopicPartitionOffset]
    def __init__(self, instance_id: _Optional[str] = ..., offsets: _Optional[_Iterable[_Union[_offsets_pb2.TopicPartitionOffset, _Mapping]]] = ...) -> None: ...

class PreCommitResponse(_message.Message):
    __slots__ = ("offsets", "errant_records")
    OFFSETS_FIELD_NUMBER: _ClassVar[int]
    ERRANT_RECORDS_FIELD_NUMBER: _ClassVar[int]
    offsets: _containers.RepeatedCompositeFieldContainer[_offsets_pb2.TopicPartitionOffset]
    errant_records: _containers.RepeatedCompositeFieldContainer[_errors_pb2.ErrantRecord]
    def __init__(self, offsets: _Optional[_Iterable[_Union[_offsets_pb2.TopicPartitionOffset, _Mapping]]] = ..., errant_records: _Optional[_Iterable[_Union[_errors_pb2.ErrantRecord, _Mapping]]] = ...) -> None: ...

class ClosePartitionsRequest(_message.Message):
    __slots__ = ("instance_id", "partitions")
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    PARTITIONS_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    partitions: _containers.RepeatedCompositeFieldContainer[_offsets_pb2.TopicPartition]
    def __init__(self, instance_id: _Optional[str] = ..., partitions: _Optional[_Iterable[_Union[_offsets_pb2.TopicPartition, _Mapping]]] = ...) -> None: ...

class ClosePartitionsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class StopSinkTaskRequest(_message.Message):
    __slots__ = ("instance_id",)
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    def __init__(self, instance_id: _Optional[str] = ...) -> None: ...

class StopSinkTaskResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
