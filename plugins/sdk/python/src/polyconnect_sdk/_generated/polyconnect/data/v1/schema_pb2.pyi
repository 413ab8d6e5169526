from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SchemaType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SCHEMA_TYPE_UNSPECIFIED: _ClassVar[SchemaType]
    SCHEMA_TYPE_INT8: _ClassVar[SchemaType]
    SCHEMA_TYPE_INT16: _ClassVar[SchemaType]
    SCHEMA_TYPE_INT32: _ClassVar[SchemaType]
    SCHEMA_TYPE_INT64: _ClassVar[SchemaType]
    SCHEMA_TYPE_FLOAT32: _ClassVar[SchemaType]
    SCHEMA_TYPE_FLOAT64: _ClassVar[SchemaType]
    SCHEMA_TYPE_BOOLEAN: _ClassVar[SchemaType]
    SCHEMA_TYPE_STRING: _ClassVar[SchemaType]
    SCHEMA_TYPE_BYTES: _ClassVar[SchemaType]
    SCHEMA_TYPE_ARRAY: _ClassVar[SchemaType]
    SCHEMA_TYPE_MAP: _ClassVar[SchemaType]
    SCHEMA_TYPE_STRUCT: _ClassVar[SchemaType]
SCHEMA_TYPE_UNSPECIFIED: SchemaType
SCHEMA_TYPE_INT8: SchemaType
SCHEMA_TYPE_INT16: SchemaType
SCHEMA_TYPE_INT32: SchemaType
SCHEMA_TYPE_INT64: SchemaType
SCHEMA_TYPE_FLOAT32: SchemaType
SCHEMA_TYPE_FLOAT64: SchemaType
SCHEMA_TYPE_BOOLEAN: SchemaType
SCHEMA_TYPE_STRING: SchemaType
SCHEMA_TYPE_BYTES: SchemaType
SCHEMA_TYPE_ARRAY: SchemaType
SCHEMA_TYPE_MAP: SchemaType
SCHEMA_TYPE_STRUCT: SchemaType

class Schema(_message.Message):
    __slots__ = ("type", "optional", "name", "version", "doc", "parameters", "default_value", "fields", "key_schema", "value_schema")
    class ParametersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TYPE_FIELD_NUMBER: _ClassVar[int]
    OPTIONAL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    DOC_FIELD_NUMBER: _ClassVar[int]
    PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_VALUE_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    KEY_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    VALUE_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    type: SchemaType
    optional: bool
    name: str
    version: int
    doc: str
    parameters: _containers.ScalarMap[str, str]
    default_value: str
    fields: _containers.RepeatedCompositeFieldContainer[Field]
    key_schema: Schema
    value_schema: Schema
    def __init__(self, type: _Optional[_Union[SchemaType, str]] = ..., optional: _Optional[bool] = ..., name: _Optional[str] = ..., version: _Optional[int] = ..., doc: _Optional[str] = ..., parameters: _Optional[_Mapping[str, str]] = ..., default_value: _Optional[str] = ..., fields: _Optional[_Iterable[_Union[Field, _Mapping]]] = ..., key_schema: _Optional[_Union[Schema, _Mapping]] = ..., value_schema: _Optional[_Union[Schema, _Mapping]] = ...) -> None: ...

class Field(_message.Message):
    __slots__ = ("name", "schema")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEMA_FIELD_NUMBER: _ClassVar[int]
    name: str
    schema: Schema
    def __init__(self, name: _Optional[str] = ..., schema: _Optional[_Union[Schema, _Mapping]] = ...) -> None: ...
