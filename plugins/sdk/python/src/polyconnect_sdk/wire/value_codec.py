"""The JSON value encoding (docs/plugin-protocol.md section 7): how a Connect value travels as JSON
text, interpreted against its schema. The empty text is null.

With a schema: integers as JSON numbers (INT64 beyond +/-(2^53-1) as a string of digits), floats
as numbers ("NaN", "Infinity", "-Infinity" as strings), BYTES as standard Base64 with padding,
ARRAY as arrays, MAP as an object when the key schema is STRING and otherwise as [[key, value],
...], STRUCT as an object with every field in schema order, Decimal as a plain decimal string
with exactly the schema's scale, Date as days since the epoch, Time as milliseconds of the day,
Timestamp as epoch milliseconds. Without a schema, values are plain JSON.

Each schema gets a compiled codec (a pair of closures built once and cached on the Schema), so a
batch of records with one schema pays for the schema walk once.
"""

from __future__ import annotations

import binascii
import datetime as _dt
import decimal
import json
import re
from collections.abc import Mapping
from typing import Any, Callable

from ..data.logical import EPOCH, EPOCH_DATE, DateSchema, DecimalSchema, TimeSchema, TimestampSchema
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
from .json_text import dumps as _dumps
from .json_text import dumps_ascii as _dumps_ascii

MAX_SAFE_INTEGER = 2**53 - 1
_INT64_MIN, _INT64_MAX = INTEGER_RANGES["INT64"]
_DIGITS = re.compile(r"-?[0-9]+")
_FLOAT_WORDS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}

ToJson = Callable[[Any], Any]
FromJson = Callable[[Any], Any]


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


_encode_string: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]
_loads = json.JSONDecoder(parse_constant=_reject_constant).decode
_loads_exact = json.JSONDecoder(parse_constant=_reject_constant, parse_float=decimal.Decimal).decode


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


# --------------------------------------------------------------------------------------------
# Top level


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


def to_json(schema: Schema, value: Any) -> Any:
    """The JSON form (ready for json.dumps) of a value with a schema."""
    return (schema._codec or codec_of(schema)).to_json(value)


def from_json(schema: Schema, json_value: Any) -> Any:
    """The Connect value of parsed JSON read against a schema (numbers may be floats or Decimals)."""
    return (schema._codec or codec_of(schema)).from_json(json_value)


# --------------------------------------------------------------------------------------------
# Encoding


def _mismatch(schema: Schema, value: Any) -> DataException:
    return DataException(f"Value of type {type(value).__name__} does not fit a {schema.describe()}")


def _nullable(schema: Schema) -> bool:
    return schema.optional or schema.default_value is not None


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


# --------------------------------------------------------------------------------------------
# Decoding


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
