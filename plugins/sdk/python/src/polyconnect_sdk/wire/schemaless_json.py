"""The schemaless side of the JSON value encoding (docs/plugin-protocol.md section 7.2): the
plain JSON form of a value without a schema, as Kafka's schemaless JsonConverter reads it back.
"""

from __future__ import annotations

import binascii
import datetime as _dt
import decimal
from collections.abc import Mapping
from typing import Any

from ..data.logical import EPOCH_DATE, TimeSchema, TimestampSchema
from ..data.struct import Struct
from ..errors import DataException
from .compiled_value_codec import to_json
from .value_json_rules import MAX_SAFE_INTEGER
from .value_to_json import _float_word


def schemaless_to_json(value: Any) -> Any:  # noqa: C901 - one branch per Python type
    """The JSON form of a schemaless value (Kafka's schemaless JsonConverter reads it back)."""
    cls = value.__class__
    if cls is str or value is None or cls is bool:
        return value
    if cls is int:
        if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            return value
        raise DataException(f"A schemaless integer beyond +/-(2^53-1) cannot be encoded ({value}); give the value an INT64 schema")
    if cls is float:
        return value if value - value == 0.0 else _float_word(value)
    if cls is dict or isinstance(value, Mapping):
        string_keys = True
        safe = cls is dict
        for k, v in value.items():
            if k.__class__ is not str:
                string_keys = safe = False
                break
            if safe:
                item_class = v.__class__
                if item_class is int:
                    safe = -MAX_SAFE_INTEGER <= v <= MAX_SAFE_INTEGER
                elif item_class is float:
                    safe = v - v == 0.0
                else:
                    safe = item_class is str or item_class is bool or v is None
        if safe:
            return value  # a flat dict of JSON-safe scalars needs no conversion
        if string_keys or all(isinstance(k, str) for k in value):
            return {k: schemaless_to_json(v) for k, v in value.items()}
        return [[schemaless_to_json(k), schemaless_to_json(v)] for k, v in value.items()]
    if cls is list or cls is tuple or isinstance(value, (list, tuple)):
        return [schemaless_to_json(item) for item in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return schemaless_to_json(int(value))
    if isinstance(value, float):
        return schemaless_to_json(float(value))
    if isinstance(value, (bytes, bytearray, memoryview)):
        return binascii.b2a_base64(value, newline=False).decode("ascii")
    if isinstance(value, _dt.datetime):
        return TimestampSchema.to_millis(value)
    if isinstance(value, _dt.date):
        return (value - EPOCH_DATE).days * 86_400_000
    if isinstance(value, _dt.time):
        return TimeSchema.to_millis_of_day(value)
    if isinstance(value, Struct):
        return to_json(value.schema, value)
    if isinstance(value, decimal.Decimal):
        raise DataException(f"A schemaless Decimal cannot be encoded ({value}); give the value a Decimal schema")
    raise DataException(f"Cannot encode a schemaless value of type {cls.__name__}")
