"""Encoding against a schema (docs/plugin-protocol.md section 7): builds, once per schema, the
closure that turns a Connect value into its JSON form (ready for json.dumps), checking the value
against the schema on the way. value_codec caches the closure on the Schema (compiled_value_codec).
"""

from __future__ import annotations

import binascii
import datetime as _dt
import decimal
from collections.abc import Mapping
from typing import Any

from ..data.logical import DateSchema, DecimalSchema, TimeSchema, TimestampSchema
from ..data.logical_names import (
    DATE_LOGICAL_NAME,
    DECIMAL_LOGICAL_NAME,
    INTEGER_RANGES,
    TIME_LOGICAL_NAME,
    TIMESTAMP_LOGICAL_NAME,
)
from ..data.schema import Schema, SchemaType
from ..data.struct import Struct
from ..errors import DataException
from .value_json_rules import _INT64_MAX, _INT64_MIN, MAX_SAFE_INTEGER, ToJson, _mismatch, _nullable


def _null_check(schema: Schema, convert: ToJson) -> ToJson:
    """Wraps a converter of non-null values so that null passes when the schema allows it."""
    if _nullable(schema):
        def nullable(value: Any) -> Any:
            return None if value is None else convert(value)
        return nullable

    def required(value: Any) -> Any:
        if value is None:
            raise DataException(f"Null value for a required {schema.describe()}")
        return convert(value)
    return required


def _to_json_of(schema: Schema) -> ToJson:
    return _null_check(schema, _non_null_to_json_of(schema))


def _non_null_to_json_of(schema: Schema) -> ToJson:  # noqa: C901 - one branch per type
    name = schema.name
    if name == DECIMAL_LOGICAL_NAME:
        scale = DecimalSchema.scale_of(schema)

        def decimal_to_json(value: Any) -> Any:
            if isinstance(value, decimal.Decimal):
                return DecimalSchema.to_plain_string(value, scale)
            if isinstance(value, int) and not isinstance(value, bool):
                return DecimalSchema.to_plain_string(decimal.Decimal(value), scale)
            raise _mismatch(schema, value)
        return decimal_to_json
    if name == DATE_LOGICAL_NAME:
        def date_to_json(value: Any) -> Any:
            if isinstance(value, _dt.date):
                return DateSchema.to_days(value)
            raise _mismatch(schema, value)
        return date_to_json
    if name == TIME_LOGICAL_NAME:
        def time_to_json(value: Any) -> Any:
            if isinstance(value, (_dt.time, _dt.datetime)):
                return TimeSchema.to_millis_of_day(value)
            raise _mismatch(schema, value)
        return time_to_json
    if name == TIMESTAMP_LOGICAL_NAME:
        def timestamp_to_json(value: Any) -> Any:
            if isinstance(value, _dt.datetime):
                millis = TimestampSchema.to_millis(value)
                return millis if -MAX_SAFE_INTEGER <= millis <= MAX_SAFE_INTEGER else str(millis)
            raise _mismatch(schema, value)
        return timestamp_to_json

    t = schema.type
    if t in (SchemaType.INT8, SchemaType.INT16, SchemaType.INT32):
        low, high = INTEGER_RANGES[t]

        def small_int_to_json(value: Any) -> Any:
            if (value.__class__ is int or (isinstance(value, int) and not isinstance(value, bool))) and low <= value <= high:
                return int(value)
            raise _mismatch(schema, value) if not isinstance(value, int) or isinstance(value, bool) else DataException(
                f"Value {value} is out of range for a {schema.describe()}"
            )
        return small_int_to_json
    if t == SchemaType.INT64:
        def int64_to_json(value: Any) -> Any:
            if value.__class__ is int or (isinstance(value, int) and not isinstance(value, bool)):
                if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
                    return int(value)
                if _INT64_MIN <= value <= _INT64_MAX:
                    return str(int(value))
                raise DataException(f"Value {value} is out of range for a {schema.describe()}")
            raise _mismatch(schema, value)
        return int64_to_json
    if t in (SchemaType.FLOAT32, SchemaType.FLOAT64):
        def float_to_json(value: Any) -> Any:
            if value.__class__ is float or isinstance(value, float):
                return value if value - value == 0.0 else _float_word(value)
            if isinstance(value, int) and not isinstance(value, bool):
                return float(value)
            raise _mismatch(schema, value)
        return float_to_json
    if t == SchemaType.BOOLEAN:
        def boolean_to_json(value: Any) -> Any:
            if value is True or value is False:
                return value
            raise _mismatch(schema, value)
        return boolean_to_json
    if t == SchemaType.STRING:
        def string_to_json(value: Any) -> Any:
            if value.__class__ is str or isinstance(value, str):
                return value
            raise _mismatch(schema, value)
        return string_to_json
    if t == SchemaType.BYTES:
        def bytes_to_json(value: Any) -> Any:
            if isinstance(value, (bytes, bytearray, memoryview)):
                return binascii.b2a_base64(value, newline=False).decode("ascii")
            raise _mismatch(schema, value)
        return bytes_to_json
    if t == SchemaType.ARRAY:
        element = _to_json_of(schema.value_schema)  # type: ignore[arg-type]

        def array_to_json(value: Any) -> Any:
            if isinstance(value, (list, tuple)):
                return [element(item) for item in value]
            raise _mismatch(schema, value)
        return array_to_json
    if t == SchemaType.MAP:
        key = _to_json_of(schema.key_schema)  # type: ignore[arg-type]
        item = _to_json_of(schema.value_schema)  # type: ignore[arg-type]
        string_keys = schema.key_schema.type == SchemaType.STRING  # type: ignore[union-attr]

        def map_to_json(value: Any) -> Any:
            if isinstance(value, Mapping):
                pairs: Any = value.items()
            elif isinstance(value, list) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in value):
                pairs = value
            else:
                raise _mismatch(schema, value)
            if string_keys:
                return {key(k): item(v) for k, v in pairs}
            return [[key(k), item(v)] for k, v in pairs]
        return map_to_json
    # STRUCT
    plan = [(field.name, field.index, _non_null_to_json_of(field.schema), _nullable(field.schema), field.schema) for field in schema.fields]
    names = frozenset(field.name for field in schema.fields)
    ordered_names = tuple(field.name for field in schema.fields)

    def required_null(field_schema: Schema, field_name: str) -> DataException:
        return DataException(f'Null value for required field "{field_name}" ({field_schema.describe()})')

    def struct_to_json(value: Any) -> Any:
        if value.__class__ is Struct:
            if value.schema is not schema and value.schema != schema:
                raise DataException(f"Struct schemas do not match: expected {schema!r}, got {value.schema!r}")
            values = value._values
        elif isinstance(value, Mapping):
            if not names.issuperset(value.keys()):
                unknown = sorted(str(k) for k in value.keys() if k not in names)
                raise DataException(f"{', '.join(unknown)} is not a valid field name of {schema!r}")
            get = value.get
            values = [get(name) for name in ordered_names]
        elif isinstance(value, Struct):
            values = value._values
        else:
            raise _mismatch(schema, value)
        out = {}
        for name, index, convert, nullable, field_schema in plan:
            item = values[index]
            if item is None:
                if not nullable:
                    raise required_null(field_schema, name)
                out[name] = None
            else:
                out[name] = convert(item)
        return out
    return struct_to_json


def _float_word(value: float) -> str:
    if value != value:
        return "NaN"
    return "Infinity" if value > 0 else "-Infinity"

