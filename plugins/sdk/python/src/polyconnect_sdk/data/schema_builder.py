"""SchemaBuilder: the fluent way to build Connect schemas, as Kafka's SchemaBuilder::

    user = (SchemaBuilder.struct().name("com.example.User")
            .field("id", INT64_SCHEMA)
            .field("name", OPTIONAL_STRING_SCHEMA)
            .build())
"""

from __future__ import annotations

from typing import Any, Mapping

from ..errors import DataException
from .schema import Schema, SchemaType
from .struct import validate_value


class SchemaBuilder:
    def __init__(self, schema_type: str) -> None:
        if schema_type not in SchemaType.ALL:
            raise DataException(f"Unknown schema type {schema_type!r}")
        self._type = schema_type
        self._optional = False
        self._default: Any = None
        self._name: str | None = None
        self._version: int | None = None
        self._doc: str | None = None
        self._parameters: dict[str, str] = {}
        self._fields: list[tuple[str, Schema]] = []
        self._key_schema: Schema | None = None
        self._value_schema: Schema | None = None

    @staticmethod
    def type(schema_type: str) -> "SchemaBuilder":
        return SchemaBuilder(schema_type)

    @staticmethod
    def int8() -> "SchemaBuilder":
        return SchemaBuilder(SchemaType.INT8)

    @staticmethod
    def int16() -> "SchemaBuilder":
        return SchemaBuilder(SchemaType.INT16)

    @staticmethod
    def int32() -> "SchemaBuilder":
        return SchemaBuilder(SchemaType.INT32)

    @staticmethod
    def int64() -> "SchemaBuilder":
        return SchemaBuilder(SchemaType.INT64)

    @staticmethod
    def float32() -> "SchemaBuilder":
        return SchemaBuilder(SchemaType.FLOAT32)

    @staticmethod
    def float64() -> "SchemaBuilder":
        return SchemaBuilder(SchemaType.FLOAT64)

    @staticmethod
    def boolean() -> "SchemaBuilder":
        return SchemaBuilder(SchemaType.BOOLEAN)

    bool = boolean  # Kafka's name

    @staticmethod
    def string() -> "SchemaBuilder":
        return SchemaBuilder(SchemaType.STRING)

    @staticmethod
    def bytes() -> "SchemaBuilder":
        return SchemaBuilder(SchemaType.BYTES)

    @staticmethod
    def struct() -> "SchemaBuilder":
        return SchemaBuilder(SchemaType.STRUCT)

    @staticmethod
    def array(element_schema: Schema) -> "SchemaBuilder":
        builder = SchemaBuilder(SchemaType.ARRAY)
        builder._value_schema = element_schema
        return builder

    @staticmethod
    def map(key_schema: Schema, value_schema: Schema) -> "SchemaBuilder":
        builder = SchemaBuilder(SchemaType.MAP)
        builder._key_schema = key_schema
        builder._value_schema = value_schema
        return builder

    def optional(self) -> "SchemaBuilder":
        self._optional = True
        return self

    def required(self) -> "SchemaBuilder":
        self._optional = False
        return self

    def default_value(self, value: Any) -> "SchemaBuilder":
        if self._default is not None:
            raise DataException("Default value has already been set")
        self._default = value
        return self

    def name(self, name: str) -> "SchemaBuilder":
        if self._name is not None and self._name != name:
            raise DataException(f"Schema name has already been set to {self._name}")
        self._name = name
        return self

    def version(self, version: int) -> "SchemaBuilder":
        if not isinstance(version, int) or isinstance(version, bool):
            raise DataException(f"Schema version must be an integer, got {version!r}")
        self._version = version
        return self

    def doc(self, doc: str) -> "SchemaBuilder":
        self._doc = doc
        return self

    def parameter(self, key: str, value: str) -> "SchemaBuilder":
        self._parameters[key] = value
        return self

    def parameters(self, parameters: Mapping[str, str]) -> "SchemaBuilder":
        self._parameters.update(parameters)
        return self

    def field(self, name: str, schema: Schema) -> "SchemaBuilder":
        if self._type != SchemaType.STRUCT:
            raise DataException(f"Cannot create fields on type {self._type}")
        if name == "":
            raise DataException("Field name may not be empty")
        if any(existing == name for existing, _ in self._fields):
            raise DataException(f"Cannot create field because of field name duplication {name}")
        self._fields.append((name, schema))
        return self

    def build(self) -> Schema:
        schema = Schema(
            self._type,
            optional=self._optional,
            name=self._name,
            version=self._version,
            doc=self._doc,
            parameters=self._parameters or None,
            fields=self._fields,
            key_schema=self._key_schema,
            value_schema=self._value_schema,
        )
        if self._default is None:
            return schema
        try:
            validate_value(schema, self._default)
        except DataException as error:
            raise DataException(f"Invalid default value: {error}") from error
        return Schema(
            self._type,
            optional=self._optional,
            default_value=self._default,
            name=self._name,
            version=self._version,
            doc=self._doc,
            parameters=self._parameters or None,
            fields=self._fields,
            key_schema=self._key_schema,
            value_schema=self._value_schema,
        )
