"""Schemas on the wire: conversion between Schema and polyconnect.data.v1.Schema, the per-batch
schema table that makes each distinct schema travel once (docs/plugin-protocol.md section 6), and
a decode cache that gives equal schemas from successive batches one identity (so that compiled
value codecs are reused across batches).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Sequence

from ..data.schema import Schema, SchemaType
from ..errors import DataException
from .protocol import schema_pb2
from .value_codec import decode_value, encode_value

_TYPE_NUMBERS = {name: schema_pb2.SchemaType.Value(f"SCHEMA_TYPE_{name}") for name in SchemaType.ALL}
_TYPE_NAMES = {number: name for name, number in _TYPE_NUMBERS.items()}


def fill_proto_schema(proto: Any, schema: Schema) -> Any:
    """Writes ``schema`` into an (empty) polyconnect.data.v1.Schema message and returns it."""
    proto.type = _TYPE_NUMBERS[schema.type]
    proto.optional = schema.optional
    if schema.name is not None:
        proto.name = schema.name
    if schema.version is not None:
        proto.version = schema.version
    if schema.doc is not None:
        proto.doc = schema.doc
    if schema.parameters:
        proto.parameters.update(schema.parameters)
    if schema.default_value is not None:
        proto.default_value = encode_value(schema, schema.default_value)
    for field in schema.fields:
        fill_proto_schema(proto.fields.add(name=field.name).schema, field.schema)
    if schema.key_schema is not None:
        fill_proto_schema(proto.key_schema, schema.key_schema)
    if schema.value_schema is not None:
        fill_proto_schema(proto.value_schema, schema.value_schema)
    return proto


def to_proto_schema(schema: Schema) -> Any:
    return fill_proto_schema(schema_pb2.Schema(), schema)


def from_proto_schema(proto: Any) -> Schema:
    type_name = _TYPE_NAMES.get(proto.type)
    if type_name is None:
        raise DataException(f"Schema without a known type on the wire (type number {proto.type})")
    without_default = Schema(
        type_name,
        optional=proto.optional,
        name=proto.name if proto.HasField("name") else None,
        version=proto.version if proto.HasField("version") else None,
        doc=proto.doc if proto.HasField("doc") else None,
        parameters=dict(proto.parameters) or None,
        fields=[(field.name, from_proto_schema(field.schema)) for field in proto.fields],
        key_schema=from_proto_schema(proto.key_schema) if proto.HasField("key_schema") else None,
        value_schema=from_proto_schema(proto.value_schema) if proto.HasField("value_schema") else None,
    )
    if not proto.HasField("default_value") or proto.default_value == "":
        return without_default
    default = decode_value(without_default, proto.default_value)
    return Schema(
        type_name,
        optional=without_default.optional,
        default_value=default,
        name=without_default.name,
        version=without_default.version,
        doc=without_default.doc,
        parameters=without_default.parameters,
        fields=[(field.name, field.schema) for field in without_default.fields],
        key_schema=without_default.key_schema,
        value_schema=without_default.value_schema,
    )


class SchemaTable:
    """Collects the distinct schemas of a batch into its ``schemas`` field.

    ``ref_of`` gives the 1-based reference of a schema (0 for none), adding it on first use;
    equal schemas (structurally) share one entry, in order of first use.
    """

    __slots__ = ("_protos", "_refs")

    def __init__(self, protos: Any) -> None:
        self._protos = protos
        self._refs: dict[Schema, int] = {}

    def ref_of(self, schema: Schema | None) -> int:
        if schema is None:
            return 0
        ref = self._refs.get(schema)
        if ref is None:
            fill_proto_schema(self._protos.add(), schema)
            ref = len(self._protos)
            self._refs[schema] = ref
        return ref


_DECODE_CACHE_LIMIT = 512
_decoded: "OrderedDict[bytes, Schema]" = OrderedDict()
_decoded_lock = threading.Lock()


def decode_schema_table(protos: Sequence[Any]) -> list[Schema]:
    """Decodes a batch's schema table; equal schemas across batches come back as the same object."""
    table = []
    for proto in protos:
        fingerprint = proto.SerializeToString(deterministic=True)
        schema = _decoded.get(fingerprint)
        if schema is None:
            schema = from_proto_schema(proto)
            with _decoded_lock:
                if len(_decoded) >= _DECODE_CACHE_LIMIT:
                    _decoded.popitem(last=False)
                schema = _decoded.setdefault(fingerprint, schema)
        table.append(schema)
    return table


def schema_at(table: Sequence[Schema], ref: int) -> Schema | None:
    """The schema a 1-based reference points at (0 is "no schema")."""
    if ref == 0:
        return None
    if ref > len(table):
        raise DataException(f"Schema reference {ref} is outside the batch's schema table of {len(table)}")
    return table[ref - 1]
