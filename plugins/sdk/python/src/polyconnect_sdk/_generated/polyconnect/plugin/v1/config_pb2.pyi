from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ConfigType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONFIG_TYPE_UNSPECIFIED: _ClassVar[ConfigType]
    CONFIG_TYPE_BOOLEAN: _ClassVar[ConfigType]
    CONFIG_TYPE_STRING: _ClassVar[ConfigType]
    CONFIG_TYPE_INT: _ClassVar[ConfigType]
    CONFIG_TYPE_SHORT: _ClassVar[ConfigType]
    CONFIG_TYPE_LONG: _ClassVar[ConfigType]
    CONFIG_TYPE_DOUBLE: _ClassVar[ConfigType]
    CONFIG_TYPE_LIST: _ClassVar[ConfigType]
    CONFIG_TYPE_CLASS: _ClassVar[ConfigType]
    CONFIG_TYPE_PASSWORD: _ClassVar[ConfigType]

class ConfigImportance(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONFIG_IMPORTANCE_UNSPECIFIED: _ClassVar[ConfigImportance]
    CONFIG_IMPORTANCE_HIGH: _ClassVar[ConfigImportance]
    CONFIG_IMPORTANCE_MEDIUM: _ClassVar[ConfigImportance]
    CONFIG_IMPORTANCE_LOW: _ClassVar[ConfigImportance]

class ConfigWidth(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONFIG_WIDTH_UNSPECIFIED: _ClassVar[ConfigWidth]
    CONFIG_WIDTH_NONE: _ClassVar[ConfigWidth]
    CONFIG_WIDTH_SHORT: _ClassVar[ConfigWidth]
    CONFIG_WIDTH_MEDIUM: _ClassVar[ConfigWidth]
    CONFIG_WIDTH_LONG: _ClassVar[ConfigWidth]
CONFIG_TYPE_UNSPECIFIED: ConfigType
CONFIG_TYPE_BOOLEAN: ConfigType
CONFIG_TYPE_STRING: ConfigType
CONFIG_TYPE_INT: ConfigType
CONFIG_TYPE_SHORT: ConfigType
CONFIG_TYPE_LONG: ConfigType
CONFIG_TYPE_DOUBLE: ConfigType
CONFIG_TYPE_LIST: ConfigType
CONFIG_TYPE_CLASS: ConfigType
CONFIG_TYPE_PASSWORD: ConfigType
CONFIG_IMPORTANCE_UNSPECIFIED: ConfigImportance
CONFIG_IMPORTANCE_HIGH: ConfigImportance
CONFIG_IMPORTANCE_MEDIUM: ConfigImportance
CONFIG_IMPORTANCE_LOW: ConfigImportance
CONFIG_WIDTH_UNSPECIFIED: ConfigWidth
CONFIG_WIDTH_NONE: ConfigWidth
CONFIG_WIDTH_SHORT: ConfigWidth
CONFIG_WIDTH_MEDIUM: ConfigWidth
CONFIG_WIDTH_LONG: ConfigWidth

class ConfigKey(_message.Message):
    __slots__ = ("name", "type", "required", "default_value", "importance", "documentation", "group", "order_in_group", "width", "display_name", "dependents")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_VALUE_FIELD_NUMBER: _ClassVar[int]
    IMPORTANCE_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTATION_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    ORDER_IN_GROUP_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DEPENDENTS_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: ConfigType
    required: bool
    default_value: str
    importance: ConfigImportance
    documentation: str
    group: str
    order_in_group: int
    width: ConfigWidth
    display_name: str
    dependents: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., type: _Optional[_Union[ConfigType, str]] = ..., required: _Optional[bool] = ..., default_value: _Optional[str] = ..., importance: _Optional[_Union[ConfigImportance, str]] = ..., documentation: _Optional[str] = ..., group: _Optional[str] = ..., order_in_group: _Optional[int] = ..., width: _Optional[_Union[ConfigWidth, str]] = ..., display_name: _Optional[str] = ..., dependents: _Optional[_Iterable[str]] = ...) -> None: ...

class ConfigValue(_message.Message):
    __slots__ = ("name", "value", "recommended_values", "errors", "visible")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_VALUES_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    VISIBLE_FIELD_NUMBER: _ClassVar[int]
    name: str
    value: str
    recommended_values: _containers.RepeatedScalarFieldContainer[str]
    errors: _containers.RepeatedScalarFieldContainer[str]
    visible: bool
    def __init__(self, name: _Optional[str] = ..., value: _Optional[str] = ..., recommended_values: _Optional[_Iterable[str]] = ..., errors: _Optional[_Iterable[str]] = ..., visible: _Optional[bool] = ...) -> None: ...
