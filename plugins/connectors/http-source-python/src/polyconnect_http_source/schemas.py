"""Value schemas for JSON records: declared in Kafka's JsonConverter schema format, or inferred
from each record, and the conversion of a parsed JSON record to a value of its schema.

The declared form is what JsonConverter writes in its "schema" envelope, e.g.
``{"type":"struct","name":"com.example.Item","fields":[{"field":"id","type":"int64"},
{"field":"name","type":"string","optional":true}]}``, with types boolean, int8, int16, int32,
int64, float, double, string, bytes, array (``items``), map (``keys``, ``values``) and struct
(``fields``), plus ``optional``, ``name``, ``version``, ``doc``, ``parameters`` and ``default``.
Logical types are named as in Kafka (``org.apache.kafka.connect.data.Timestamp`` on an int64,
...); their values may come as Kafka's numbers or as ISO-8601 text (``2024-01-02T03:04:05Z``,
``2024-01-02``, ``03:04:05``), Decimals as JSON numbers or strings.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
from typing import Any

from polyconnect_sdk import (
    OPTIONAL_BOOLEAN_SCHEMA,
    OPTIONAL_FLOAT64_SCHEMA,
    OPTIONAL_INT64_SCHEMA,
    OPTIONAL_STRING_SCHEMA,
    DataException,
    Schema,
    SchemaType,
)
from polyconnect_sdk.wire.value_codec import from_json

_TYPES = {
    "boolean": SchemaType.BOOLEAN,
    "int8": SchemaType.INT8,
    "int16": SchemaType.INT16,
    "int32": SchemaType.INT32,
    "int64": SchemaType.INT64,
    "float": SchemaType.FLOAT32,
    "double": SchemaType.FLOAT64,
    "bytes": SchemaType.BYTES,
    "string": SchemaType.STRING,
    "array": SchemaType.ARRAY,
    "map": SchemaType.MAP,
    "struct": SchemaType.STRUCT,
}
DECIMAL = "org.apache.kafka.connect.data.Decimal"
DATE = "org.apache.kafka.connect.data.Date"
TIME = "org.apache.kafka.connect.data.Time"
TIMESTAMP = "org.apache.kafka.connect.data.Timestamp"


def parse_schema_text(text: str) -> Schema:
    """A Schema from its JsonConverter JSON form; ValueError with the reason when it is not one."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON: {error}") from None
    return parse_schema(document, "schema")


def parse_schema(document: Any, where: str) -> Schema:
    if not isinstance(document, dict):
        raise ValueError(f"{where} must be a JSON object")
    type_name = document.get("type")
    schema_type = _TYPES.get(type_name)  # type: ignore[arg-type]
    if schema_type is None:
        raise ValueError(f'{where} has unknown type {json.dumps(type_name)}; expected one of {", ".join(_TYPES)}')
    fields = []
    key_schema = value_schema = None
    if schema_type == SchemaType.STRUCT:
        if not isinstance(document.get("fields"), list):
            raise ValueError(f'{where}: a struct needs "fields", an array')
        for index, field in enumerate(document["fields"]):
            name = field.get("field") if isinstance(field, dict) else None
            if not isinstance(name, str) or name == "":
                raise ValueError(f'{where}.fields[{index}] needs a "field" name')
            fields.append((name, parse_schema(field, f"{where}.{name}")))
    elif schema_type == SchemaType.ARRAY:
        value_schema = parse_schema(document.get("items"), f"{where}.items")
    elif schema_type == SchemaType.MAP:
        key_schema = parse_schema(document.get("keys"), f"{where}.keys")
        value_schema = parse_schema(document.get("values"), f"{where}.values")
    version = document.get("version")
    if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
        raise ValueError(f"{where}.version must be an integer")
    parameters = document.get("parameters")
    if parameters is not None and (not isinstance(parameters, dict) or not all(isinstance(v, str) for v in parameters.values())):
        raise ValueError(f"{where}.parameters must map names to strings")
    schema = Schema(
        schema_type,
        optional=bool(document.get("optional", False)),
        name=document.get("name"),
        version=version,
        doc=document.get("doc"),
        parameters=parameters,
        fields=fields,
        key_schema=key_schema,
        value_schema=value_schema,
    )
    if document.get("default") is None:
        return schema
    try:
        default = to_value(schema, document["default"])
    except DataException as error:
        raise ValueError(f"{where}.default: {error}") from None
    return Schema(schema_type, optional=schema.optional, default_value=default, name=schema.name, version=schema.version, doc=schema.doc,
                  parameters=schema.parameters, fields=[(f.name, f.schema) for f in schema.fields], key_schema=key_schema, value_schema=value_schema)


def has_decimal(schema: Schema | None) -> bool:
    if schema is None:
        return False
    return schema.name == DECIMAL or any(has_decimal(f.schema) for f in schema.fields) or has_decimal(schema.key_schema) or has_decimal(schema.value_schema)


def to_value(schema: Schema, json_value: Any, where: str = "value") -> Any:
    """The value of ``schema`` for a parsed JSON value, accepting ISO-8601 text for logical times."""
    if json_value is None:
        if schema.optional or schema.default_value is not None:
            return None
        raise DataException(f"{where} is null (or missing) but its schema is required")
    name = schema.name
    if isinstance(json_value, str) and name in (DATE, TIME, TIMESTAMP):
        return _parse_iso(name, json_value, where)
    if name == DECIMAL and isinstance(json_value, float):
        json_value = decimal.Decimal(repr(json_value))
    t = schema.type
    if t == SchemaType.STRUCT:
        if not isinstance(json_value, dict):
            raise DataException(f"{where} must be a JSON object for a struct schema")
        return {field.name: to_value(field.schema, json_value.get(field.name), f"{where}.{field.name}") for field in schema.fields}
    if t == SchemaType.ARRAY and isinstance(json_value, list):
        return [to_value(schema.value_schema, item, f"{where}[{i}]") for i, item in enumerate(json_value)]  # type: ignore[arg-type]
    if t == SchemaType.MAP and isinstance(json_value, dict):
        return {to_value(schema.key_schema, k, f"{where} key"): to_value(schema.value_schema, v, f"{where}.{k}") for k, v in json_value.items()}  # type: ignore[arg-type]
    if t == SchemaType.STRING and not isinstance(json_value, str) and name is None:
        json_value = json.dumps(json_value) if isinstance(json_value, (dict, list)) else str(json_value).lower() if isinstance(json_value, bool) else str(json_value)
    try:
        return from_json(schema, json_value)
    except DataException as error:
        raise DataException(f"{where}: {error}") from None


def _parse_iso(name: str, text: str, where: str) -> Any:
    try:
        if name == DATE:
            return dt.date.fromisoformat(text[:10])
        if name == TIME:
            return dt.time.fromisoformat(text.removesuffix("Z"))
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
    except ValueError:
        raise DataException(f"{where}: {text!r} is not an ISO-8601 {name.rsplit('.', 1)[-1].lower()}") from None


def infer(json_value: Any) -> tuple[Schema | None, Any]:
    """A schema inferred from one JSON value, and the value for it. Every inferred schema is optional:
    objects are structs (fields in document order), integers INT64, other numbers FLOAT64, arrays
    take the schema their elements share (else an array of JSON strings), null is an optional string."""
    if json_value is None:
        return OPTIONAL_STRING_SCHEMA, None
    if isinstance(json_value, bool):
        return OPTIONAL_BOOLEAN_SCHEMA, json_value
    if isinstance(json_value, int):
        if -(2**63) <= json_value < 2**63:
            return OPTIONAL_INT64_SCHEMA, json_value
        return OPTIONAL_STRING_SCHEMA, str(json_value)
    if isinstance(json_value, (float, decimal.Decimal)):
        return OPTIONAL_FLOAT64_SCHEMA, float(json_value)
    if isinstance(json_value, str):
        return OPTIONAL_STRING_SCHEMA, json_value
    if isinstance(json_value, dict):
        fields = []
        value = {}
        for key, item in json_value.items():
            if not isinstance(key, str) or key == "":
                continue
            field_schema, field_value = infer(item)
            fields.append((key, field_schema))
            value[key] = field_value
        return Schema(SchemaType.STRUCT, optional=True, fields=fields), value
    if isinstance(json_value, list):
        inferred = [infer(item) for item in json_value if item is not None]
        schemas = {schema for schema, _ in inferred}
        if len(schemas) == 1:
            element = schemas.pop()
            items = iter(inferred)
            return Schema(SchemaType.ARRAY, optional=True, value_schema=element), [None if item is None else next(items)[1] for item in json_value]
        return Schema(SchemaType.ARRAY, optional=True, value_schema=OPTIONAL_STRING_SCHEMA), [None if item is None else json.dumps(item, default=str) for item in json_value]
    raise DataException(f"Cannot infer a schema for {type(json_value).__name__}")


def plain_json(json_value: Any) -> Any:
    """A parsed JSON value with Decimals turned back into floats (for schemaless records)."""
    if isinstance(json_value, decimal.Decimal):
        return float(json_value)
    if isinstance(json_value, dict):
        return {k: plain_json(v) for k, v in json_value.items()}
    if isinstance(json_value, list):
        return [plain_json(v) for v in json_value]
    return json_value
