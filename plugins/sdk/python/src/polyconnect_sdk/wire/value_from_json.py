"""Decoding against a schema (docs/plugin-protocol.md section 7): builds, once per schema, the
closure that reads parsed JSON back into a Connect value, checking it against the schema, and
says whether the schema needs numbers parsed exactly (it holds a Decimal somewhere).
"""

from __future__ import annotations

import binascii
import decimal
import re
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
from .value_json_rules import _INT64_MAX, _INT64_MIN, FromJson, _mismatch, _nullable

_DIGITS = re.compile(r"-?[0-9]+")
_FLOAT_WORDS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


def _needs_exact(schema: Schema | None) -> bool:
    if schema is None:
        return False
    if schema.name == DECIMAL_LOGICAL_NAME:
        return True
    return any(_needs_exact(f.schema) for f in schema.fields) or _needs_exact(schema.key_schema) or _needs_exact(schema.value_schema)


def _from_json_of(schema: Schema) -> FromJson:
    convert = _non_null_from_json_of(schema)
    if _nullable(schema):
        def nullable(json_value: Any) -> Any:
            return None if json_value is None else convert(json_value)
        return nullable

    def required(json_value: Any) -> Any:
        if json_value is None:
            raise DataException(f"Null value for a required {schema.describe()}")
        return convert(json_value)
    return required


def _integer(schema: Schema, json_value: Any, low: int, high: int, digits: bool) -> int:
    """An integer JSON value (or an integral float/Decimal, or with ``digits`` a string of digits) in range."""
    cls = json_value.__class__
    if cls is int:
        number = json_value
    elif cls is float or cls is decimal.Decimal:
        finite = json_value.is_finite() if cls is decimal.Decimal else json_value - json_value == 0.0
        if not finite:
            raise _mismatch(schema, json_value)
        if json_value != int(json_value):
            raise DataException(f"Value {json_value} is not an integer for a {schema.describe()}")
        number = int(json_value)
    elif digits and cls is str and _DIGITS.fullmatch(json_value):
        number = int(json_value)
    else:
        raise _mismatch(schema, json_value)
    if not low <= number <= high:
        raise DataException(f"Value {json_value} is out of range for a {schema.describe()}")
    return number


def _non_null_from_json_of(schema: Schema) -> FromJson:  # noqa: C901 - one branch per type
    name = schema.name
    if name == DECIMAL_LOGICAL_NAME:
        scale = DecimalSchema.scale_of(schema)

        def decimal_from_json(json_value: Any) -> Any:
            cls = json_value.__class__
            if cls is str:
                try:
                    number = decimal.Decimal(json_value.strip())
                except decimal.InvalidOperation:
                    raise DataException(f'Not a decimal number: "{json_value}"') from None
            elif cls is decimal.Decimal or cls is int:
                number = decimal.Decimal(json_value)
            elif cls is float:
                number = decimal.Decimal(repr(json_value))
            else:
                raise _mismatch(schema, json_value)
            return DecimalSchema.rescale(number, scale)
        return decimal_from_json
    if name == DATE_LOGICAL_NAME:
        return lambda json_value: DateSchema.from_days(_integer(schema, json_value, *INTEGER_RANGES["INT32"], False))
    if name == TIME_LOGICAL_NAME:
        return lambda json_value: TimeSchema.from_millis_of_day(_integer(schema, json_value, *INTEGER_RANGES["INT32"], False))
    if name == TIMESTAMP_LOGICAL_NAME:
        return lambda json_value: TimestampSchema.from_millis(_integer(schema, json_value, _INT64_MIN, _INT64_MAX, True))

    t = schema.type
    if t in INTEGER_RANGES:
        low, high = INTEGER_RANGES[t]
        digits = t == SchemaType.INT64

        def integer_from_json(json_value: Any) -> Any:
            if json_value.__class__ is int and low <= json_value <= high:
                return json_value
            return _integer(schema, json_value, low, high, digits)
        return integer_from_json
    if t in (SchemaType.FLOAT32, SchemaType.FLOAT64):
        def float_from_json(json_value: Any) -> Any:
            cls = json_value.__class__
            if cls is float:
                return json_value
            if cls is int or cls is decimal.Decimal:
                return float(json_value)
            if cls is str and json_value in _FLOAT_WORDS:
                return _FLOAT_WORDS[json_value]
            raise _mismatch(schema, json_value)
        return float_from_json
    if t == SchemaType.BOOLEAN:
        def boolean_from_json(json_value: Any) -> Any:
            if json_value is True or json_value is False:
                return json_value
            raise _mismatch(schema, json_value)
        return boolean_from_json
    if t == SchemaType.STRING:
        def string_from_json(json_value: Any) -> Any:
            if json_value.__class__ is str:
                return json_value
            raise _mismatch(schema, json_value)
        return string_from_json
    if t == SchemaType.BYTES:
        def bytes_from_json(json_value: Any) -> Any:
            if json_value.__class__ is not str:
                raise _mismatch(schema, json_value)
            try:
                return binascii.a2b_base64(json_value.encode("ascii"), strict_mode=True)
            except (binascii.Error, UnicodeEncodeError) as error:
                raise DataException(f"Not standard Base64 for a {schema.describe()}: {error}") from None
        return bytes_from_json
    if t == SchemaType.ARRAY:
        element = _from_json_of(schema.value_schema)  # type: ignore[arg-type]

        def array_from_json(json_value: Any) -> Any:
            if json_value.__class__ is not list:
                raise _mismatch(schema, json_value)
            return [element(item) for item in json_value]
        return array_from_json
    if t == SchemaType.MAP:
        key = _from_json_of(schema.key_schema)  # type: ignore[arg-type]
        item = _from_json_of(schema.value_schema)  # type: ignore[arg-type]

        def map_from_json(json_value: Any) -> Any:
            if json_value.__class__ is dict:
                return {key(k): item(v) for k, v in json_value.items()}
            if json_value.__class__ is not list:
                raise _mismatch(schema, json_value)
            pairs = []
            for pair in json_value:
                if pair.__class__ is not list or len(pair) != 2:
                    raise DataException(f"A {schema.describe()} entry must be a [key, value] pair")
                pairs.append((key(pair[0]), item(pair[1])))
            return _dict_or_pairs(pairs)
        return map_from_json
    # STRUCT
    plan = [(field.name, _from_json_of(field.schema)) for field in schema.fields]

    def struct_from_json(json_value: Any) -> Any:
        if json_value.__class__ is not dict:
            raise _mismatch(schema, json_value)
        get = json_value.get
        try:
            values = [convert(get(name)) for name, convert in plan]
        except DataException:
            for name, convert in plan:  # name the field that failed
                try:
                    convert(get(name))
                except DataException as error:
                    raise DataException(f'Field "{name}": {error}') from None
            raise
        return Struct._trusted(schema, values)
    return struct_from_json


def _hashable_key(key: Any) -> Any:
    if isinstance(key, list):
        return tuple(_hashable_key(k) for k in key)
    return key


def _dict_or_pairs(pairs: list[tuple[Any, Any]]) -> Any:
    """A dict when every key can be a dict key (arrays become tuples), else the list of pairs."""
    try:
        return {_hashable_key(k): v for k, v in pairs}
    except TypeError:
        return pairs

