"""The compiled codec of a schema: its encoding and decoding closures (value_to_json,
value_from_json), built once and cached on the Schema, so a batch of records with one schema pays
for the schema walk once; and to_json / from_json, the JSON forms of a value through it.
"""

from __future__ import annotations

from typing import Any

from ..data.schema import Schema, SchemaType
from .value_from_json import _from_json_of, _needs_exact
from .value_json_rules import FromJson, ToJson
from .value_to_json import _to_json_of


class _Codec:
    __slots__ = ("to_json", "from_json", "exact", "is_string")

    def __init__(self, to_json: ToJson, from_json: FromJson, exact: bool, is_string: bool) -> None:
        self.to_json = to_json
        self.from_json = from_json
        #: Numbers must be parsed as decimal.Decimal (the schema holds a Decimal somewhere).
        self.exact = exact
        self.is_string = is_string


def codec_of(schema: Schema) -> _Codec:
    codec = schema._codec
    if codec is None:
        codec = _Codec(_to_json_of(schema), _from_json_of(schema), _needs_exact(schema), schema.type == SchemaType.STRING and schema.name is None)
        object.__setattr__(schema, "_codec", codec)
    return codec


def to_json(schema: Schema, value: Any) -> Any:
    """The JSON form (ready for json.dumps) of a value with a schema."""
    return (schema._codec or codec_of(schema)).to_json(value)


def from_json(schema: Schema, json_value: Any) -> Any:
    """The Connect value of parsed JSON read against a schema (numbers may be floats or Decimals)."""
    return (schema._codec or codec_of(schema)).from_json(json_value)
