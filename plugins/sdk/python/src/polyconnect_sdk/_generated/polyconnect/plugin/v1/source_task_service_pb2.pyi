from polyconnect_sdk._generated.polyconnect.data.v1 import record_pb2 as _record_pb2
from polyconnect_sdk._generated.polyconnect.plugin.v1 import offsets_pb2 as _offsets_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StartSourceTaskRequest(_message.Message):
    __slots__ = ("instance_id", "connector_name", "task_id", "task_class", "config", "offsets")
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
    OFFSETS_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    connector_name: str
    task_id: int
    task_class: str
    config: _containers.ScalarMap[str, str]
    offsets: _containers.RepeatedCompositeFieldContainer[_offsets_pb2.SourceOffset]
    def __init__(self, instance_id: _Optional[str] = ..., connector_name: _Optional[str] = ..., task_id: _Optional[int] = ..., task_class: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., offsets: _Optional[_Iterable[_Union[_offsets_pb2.SourceOffset, _Mapping]]] = ...) -> None: ...

class StartSourceTaskResponse(_message.Message):
    __slots__ = ("version",)
    VERSION_FIELD_NUMBER: _ClassVar[int]
    version: str
    def __init__(self, version: _Optional[str] = ...) -> None: ...

class PollRequest(_message.Message):
    __slots__ = ("instance_id", "max_wait_ms")
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    MAX_WAIT_MS_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    max_wait_ms: int
    def __init__(self, instance_id: _Optional[str] = ..., max_wait_ms: _Optional[int] = ...) -> None: ...

class PollResponse(_message.Message):
    __slots__ = ("batch",)
    BATCH_FIELD_NUMBER: _ClassVar[int]
    batch: _record_pb2.SourceRecordBatch
    def __init__(self, batch: _Optional[_Union[_record_pb2.SourceRecordBatch, _Mapping]] = ...) -> None: ...

class CommitRequest(_message.Message):
    __slots__ = ("instance_id", "offsets")
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    OFFSETS_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    offsets: _containers.RepeatedCompositeFieldContainer[_offsets_pb2.SourceOffset]
    def __init__(self, instance_id: _Optional[str] = ..., offsets: _Optional[_Iterable[_Union[_offsets_pb2.SourceOffset, _Mapping]]] = ...) -> None: ...

class CommitResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class StopSourceTaskRequest(_message.Message):
    __slots__ = ("instance_id",)
    INSTANCE_ID_FIELD_NUMBER: _ClassVar[int]
    instance_id: str
    def __init__(self, instance_id: _Optional[str] = ...) -> None: ...

class StopSourceTaskResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
