"""Struct (a value of a STRUCT schema, as Kafka's Struct) and validate_value, the check that a
value fits a schema (Kafka's ConnectSchema.validateValue), which Struct.put applies to every field.
"""

from __future__ import annotations

import datetime as _dt
import decimal
from typing import Any, Mapping

from ..errors import DataException
from .logical_names import (
    DATE_LOGICAL_NAME,
    DECIMAL_LOGICAL_NAME,
    INTEGER_RANGES,
    TIME_LOGICAL_NAME,
    TIMESTAMP_LOGICAL_NAME,
)
from .schema import Field, Schema, SchemaType


class Struct:
    """A value of a STRUCT schema: one value per field, checked on :meth:`put`.

    ``Struct(schema, {"id": 1, "name": "x"})`` is ``Struct(schema).put("id", 1).put("name", "x")``.
    ``struct["id"]`` is ``struct.get("id")``, which applies the field's default to a null value.
    """

    __slots__ = ("schema", "_values")

    def __init__(self, schema: Schema, values: Mapping[str, Any] | None = None) -> None:
        if schema.type != SchemaType.STRUCT:
            raise DataException(f"Not a struct schema: {schema!r}")
        self.schema = schema
        self._values: list[Any] = [None] * len(schema.fields)
        if values:
            for name, value in values.items():
                self.put(name, value)

    def get(self, field: str | Field) -> Any:
        """The field's value, or its schema default when the value is null."""
        resolved = self._lookup(field)
        value = self._values[resolved.index]
        return resolved.schema.default_value if value is None else value

    def get_without_default(self, field: str | Field) -> Any:
        """The field's value as stored, without applying a default."""
        return self._values[self._lookup(field).index]

    def put(self, field: str | Field, value: Any) -> "Struct":
        """Sets a field after checking the value against the field's schema."""
        resolved = self.schema._fields_by_name.get(field) if field.__class__ is str else None
        if resolved is None:
            resolved = self._lookup(field)
        validate_value(resolved.schema, value, resolved.name)
        self._values[resolved.index] = value
        return self

    def validate(self) -> None:
        """Checks that every required field without a default has a value."""
        validate_value(self.schema, self)

    def values(self) -> tuple[Any, ...]:
        """The stored values in field order (defaults not applied)."""
        return tuple(self._values)

    def as_dict(self) -> dict[str, Any]:
        """The stored values by field name (defaults not applied)."""
        return {field.name: self._values[field.index] for field in self.schema.fields}

    __getitem__ = get

    def __setitem__(self, field: str, value: Any) -> None:
        self.put(field, value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Struct):
            return NotImplemented
        return self.schema == other.schema and self._values == other._values

    def __hash__(self) -> int:
        return hash((self.schema, tuple(_hashable(v) for v in self._values)))

    def __repr__(self) -> str:
        parts = ",".join(f"{f.name}={self._values[f.index]!r}" for f in self.schema.fields if self._values[f.index] is not None)
        return f"Struct{{{parts}}}"

    def _lookup(self, field: str | Field) -> Field:
        if isinstance(field, Field):
            return field
        resolved = self.schema.field(field)
        if resolved is None:
            raise DataException(f"{field} is not a valid field name")
        return resolved

    @classmethod
    def _trusted(cls, schema: Schema, values: list[Any]) -> "Struct":
        """A struct from values a decoder has already checked."""
        struct = cls.__new__(cls)
        struct.schema = schema
        struct._values = values
        return struct


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return frozenset((k, _hashable(v)) for k, v in value.items())
    return value


def is_int(value: Any) -> bool:
    """An integer that is not a bool (bool is an int subclass in Python)."""
    return isinstance(value, int) and not isinstance(value, bool)


def validate_value(schema: Schema, value: Any, field_name: str | None = None) -> None:
    """Raises DataException when ``value`` does not fit ``schema``."""
    if schema.name is None:  # fast paths for the common primitive cases
        cls = value.__class__
        t = schema.type
        if cls is str:
            if t == SchemaType.STRING:
                return
        elif cls is int:
            bounds = INTEGER_RANGES.get(t)
            if bounds is not None and bounds[0] <= value <= bounds[1]:
                return
        elif cls is float:
            if t == SchemaType.FLOAT64 or t == SchemaType.FLOAT32:
                return
        elif cls is bool:
            if t == SchemaType.BOOLEAN:
                return
    where = "" if field_name is None else f' for field: "{field_name}"'
    if value is None:
        if schema.optional or schema.default_value is not None:
            return
        suffix = "" if field_name is None else f': "{field_name}"'
        raise DataException(f"Invalid value: null used for required field{suffix}, schema type: {schema.type}")

    def mismatch() -> DataException:
        name = "" if schema.name is None else f" ({schema.name})"
        return DataException(f"Invalid value of type {type(value).__name__} for schema with type {schema.type}{name}{where}")

    logical = schema.name
    if logical == DECIMAL_LOGICAL_NAME:
        if not isinstance(value, decimal.Decimal) or not value.is_finite():
            raise mismatch()
        return
    if logical == DATE_LOGICAL_NAME:
        if not isinstance(value, _dt.date):
            raise mismatch()
        return
    if logical == TIME_LOGICAL_NAME:
        if not isinstance(value, (_dt.time, _dt.datetime)):
            raise mismatch()
        return
    if logical == TIMESTAMP_LOGICAL_NAME:
        if not isinstance(value, _dt.datetime):
            raise mismatch()
        return
    t = schema.type
    if t in INTEGER_RANGES:
        low, high = INTEGER_RANGES[t]
        if not is_int(value) or not low <= value <= high:
            raise mismatch()
    elif t == SchemaType.FLOAT32 or t == SchemaType.FLOAT64:
        if not (isinstance(value, float) or is_int(value)):
            raise mismatch()
    elif t == SchemaType.BOOLEAN:
        if not isinstance(value, bool):
            raise mismatch()
    elif t == SchemaType.STRING:
        if not isinstance(value, str):
            raise mismatch()
    elif t == SchemaType.BYTES:
        if not isinstance(value, (bytes, bytearray, memoryview)):
            raise mismatch()
    elif t == SchemaType.ARRAY:
        if not isinstance(value, (list, tuple)):
            raise mismatch()
        for element in value:
            validate_value(schema.value_schema, element, field_name)  # type: ignore[arg-type]
    elif t == SchemaType.MAP:
        if isinstance(value, Mapping):
            items: Any = value.items()
        elif isinstance(value, list) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in value):
            items = value
        else:
            raise mismatch()
        for key, element in items:
            validate_value(schema.key_schema, key, field_name)  # type: ignore[arg-type]
            validate_value(schema.value_schema, element, field_name)  # type: ignore[arg-type]
    elif t == SchemaType.STRUCT:
        if isinstance(value, Struct):
            if value.schema is not schema and value.schema != schema:
                raise DataException(f"Struct schemas do not match{where}: expected {schema!r}, got {value.schema!r}")
            for field in schema.fields:
                validate_value(field.schema, value._values[field.index], field.name)
        elif isinstance(value, Mapping):
            for name in value:
                if schema.field(name) is None:
                    raise DataException(f"{name} is not a valid field name{where}")
            for field in schema.fields:
                validate_value(field.schema, value.get(field.name), field.name)
        else:
            raise mismatch()
