"""The JSON value encoding (docs/plugin-protocol.md section 7): how a Connect value travels as JSON
text, interpreted against its schema. The empty text is null.

With a schema: integers as JSON numbers (INT64 beyond +/-(2^53-1) as a string of digits), floats
as numbers ("NaN", "Infinity", "-Infinity" as strings), BYTES as standard Base64 with padding,
ARRAY as arrays, MAP as an object when the key schema is STRING and otherwise as [[key, value],
...], STRUCT as an object with every field in schema order, Decimal as a plain decimal string
with exactly the schema's scale, Date as days since the epoch, Time as milliseconds of the day,
Timestamp as epoch milliseconds. Without a schema, values are plain JSON.

The encoding is split by concern: value_to_json and value_from_json build the per-schema
closures, compiled_value_codec caches them on the Schema, schemaless_json handles values without
a schema, and value_json_rules holds what they share. This module owns the text level (the empty
text is null, JSON parsing and printing) and keeps the public import surface: everything in
__all__ is importable from here.
"""

from __future__ import annotations

import decimal
import json
from typing import Any, Callable

from ..data.logical import EPOCH
from ..data.schema import Schema
from ..errors import DataException
from .compiled_value_codec import codec_of, from_json, to_json
from .json_text import dumps as _dumps
from .json_text import dumps_ascii as _dumps_ascii
from .schemaless_json import schemaless_to_json
from .value_json_rules import MAX_SAFE_INTEGER


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


_encode_string: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]
_loads = json.JSONDecoder(parse_constant=_reject_constant).decode
_loads_exact = json.JSONDecoder(parse_constant=_reject_constant, parse_float=decimal.Decimal).decode


def encode_value(schema: Schema | None, value: Any, ascii_only: bool = False) -> str:
    """The JSON text of ``value`` against ``schema`` (None: schemaless); null is the empty string."""
    if value is None:
        return ""
    if schema is None:
        json_value = schemaless_to_json(value)
    else:
        codec = schema._codec or codec_of(schema)
        if codec.is_string and value.__class__ is str and not ascii_only:
            return _encode_string(value)
        json_value = codec.to_json(value)
    return _dumps_ascii(json_value) if ascii_only else _dumps(json_value)


def decode_value(schema: Schema | None, text: str) -> Any:
    """The value of JSON text produced by encode_value; the empty string is null."""
    if text == "":
        return None
    if schema is None:
        try:
            return _loads(text)
        except ValueError as error:
            raise DataException(f"Value is not valid JSON: {error}") from None
    codec = schema._codec or codec_of(schema)
    try:
        parsed = _loads_exact(text) if codec.exact else _loads(text)
    except ValueError as error:
        raise DataException(f"Value is not valid JSON: {error}") from None
    return codec.from_json(parsed)


__all__ = [
    "EPOCH",
    "MAX_SAFE_INTEGER",
    "codec_of",
    "decode_value",
    "encode_value",
    "from_json",
    "schemaless_to_json",
    "to_json",
]
