from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ErrorInfo(_message.Message):
    __slots__ = ("error_class", "message", "stack_trace", "retriable")
    ERROR_CLASS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STACK_TRACE_FIELD_NUMBER: _ClassVar[int]
    RETRIABLE_FIELD_NUMBER: _ClassVar[int]
    error_class: str
    message: str
    stack_trace: str
    retriable: bool
    def __init__(self, error_class: _Optional[str] = ..., message: _Optional[str] = ..., stack_trace: _Optional[str] = ..., retriable: _Optional[bool] = ...) -> None: ...

class ErrantRecord(_message.Message):
    __slots__ = ("topic", "kafka_partition", "kafka_offset", "error")
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    KAFKA_PARTITION_FIELD_NUMBER: _ClassVar[int]
    KAFKA_OFFSET_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    topic: str
    kafka_partition: int
    kafka_offset: int
    error: ErrorInfo
    def __init__(self, topic: _Optional[str] = ..., kafka_partition: _Optional[int] = ..., kafka_offset: _Optional[int] = ..., error: _Optional[_Union[ErrorInfo, _Mapping]] = ...) -> None: ...
