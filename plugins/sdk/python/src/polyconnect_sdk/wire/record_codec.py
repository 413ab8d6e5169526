"""Records on the wire: SourceRecord and SinkRecord batches to and from their protocol messages
(docs/plugin-protocol.md section 6). The plugin encodes source batches and decodes sink batches;
the reverse directions exist for tests and for drivers that play the worker.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Iterable, Sequence

from ..data.records import Header, SinkRecord, SourceRecord, TimestampType
from ..errors import DataException
from .protocol import record_pb2
from .json_text import dumps as _dumps
from .schema_codec import SchemaTable, decode_schema_table, schema_at
from .value_codec import MAX_SAFE_INTEGER, decode_value, encode_value

_SOURCE_MAP_VALUE_TYPES = (str, int, float, bool, type(None))
_SOURCE_MAP_VALUE_CLASSES = frozenset(_SOURCE_MAP_VALUE_TYPES)
_TIMESTAMP_TYPES = {
    TimestampType.NO_TIMESTAMP_TYPE: record_pb2.TIMESTAMP_TYPE_NO_TIMESTAMP_TYPE,
    TimestampType.CREATE_TIME: record_pb2.TIMESTAMP_TYPE_CREATE_TIME,
    TimestampType.LOG_APPEND_TIME: record_pb2.TIMESTAMP_TYPE_LOG_APPEND_TIME,
}
_TIMESTAMP_TYPE_NAMES = {number: name for name, number in _TIMESTAMP_TYPES.items()}


def source_map_text(value: Mapping[str, Any] | None, what: str = "source partition or offset") -> str:
    """A source partition or offset as JSON object text ("" for None), checked as the worker requires."""
    if value is None:
        return ""
    if value.__class__ is dict:
        for key, item in value.items():
            if key.__class__ is not str or item.__class__ not in _SOURCE_MAP_VALUE_CLASSES:
                break
            if item.__class__ is int and not -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER:
                break
        else:
            try:
                return _dumps(value)
            except ValueError as error:
                raise DataException(f"A {what} cannot be encoded as JSON: {error}") from None
    if not isinstance(value, Mapping):
        raise DataException(f"A {what} must be a dict, got {type(value).__name__}")
    for key, item in value.items():
        if key.__class__ is not str or not isinstance(item, _SOURCE_MAP_VALUE_TYPES):
            raise DataException(f"A {what} must map strings to str, int, float, bool or None; got {key!r}: {type(item).__name__}")
        if isinstance(item, int) and not isinstance(item, bool) and not -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER:
            # The worker reads source maps as plain JSON (IEEE doubles): it would store another number.
            raise DataException(f"A {what} integer beyond +/-(2^53-1) would not survive the worker's JSON ({key!r}: {item}); store it as a string")
    try:
        return _dumps(value if value.__class__ is dict else dict(value))
    except ValueError as error:
        raise DataException(f"A {what} cannot be encoded as JSON: {error}") from None


def encode_source_records(records: Iterable[SourceRecord], batch: Any = None) -> Any:
    """Fills (or creates) a polyconnect.data.v1.SourceRecordBatch with the records and their schema table."""
    if batch is None:
        batch = record_pb2.SourceRecordBatch()
    ref_of = SchemaTable(batch.schemas).ref_of
    add = batch.records.add
    last_partition: Any = None
    last_partition_copy: Any = None
    partition_text = ""
    for record in records:
        key_schema = record.key_schema
        value_schema = record.value_schema
        partition = record.source_partition
        if partition is not last_partition or partition != last_partition_copy:
            partition_text = source_map_text(partition, "source partition")
            last_partition = partition
            last_partition_copy = dict(partition) if partition is not None else None
        offset = record.source_offset
        key = record.key
        try:
            proto = add(
                topic=record.topic,
                key_schema_ref=ref_of(key_schema) if key_schema is not None else 0,
                key=encode_value(key_schema, key) if key is not None else "",
                value_schema_ref=ref_of(value_schema) if value_schema is not None else 0,
                value=encode_value(value_schema, record.value),
                source_partition=partition_text,
                source_offset=source_map_text(offset, "source offset") if offset is not None else "",
            )
        except UnicodeEncodeError:
            # Text with lone surrogates is not UTF-8: escape it (\udXXX), as JSON.stringify does.
            # (add() appends nothing when it fails.)
            proto = add(
                topic=record.topic,
                key_schema_ref=ref_of(key_schema),
                key=encode_value(key_schema, key, ascii_only=True),
                value_schema_ref=ref_of(value_schema),
                value=encode_value(value_schema, record.value, ascii_only=True),
                source_partition=partition_text,
                source_offset=source_map_text(offset, "source offset"),
            )
        if record.kafka_partition is not None:
            proto.kafka_partition = record.kafka_partition
        if record.timestamp is not None:
            proto.timestamp = record.timestamp
        if record.headers:
            _encode_headers(proto.headers, record.headers, ref_of)
    return batch


def _encode_headers(target: Any, headers: Sequence[Header], ref_of: Any) -> None:
    for header in headers:
        schema = header.schema if isinstance(header, Header) else (header[2] if len(header) > 2 else None)
        key, value = header[0], header[1]
        target.add(key=key, schema_ref=ref_of(schema), value=encode_value(schema, value))


def _decode_headers(headers: Sequence[Any], schemas: Sequence[Any]) -> tuple[Header, ...]:
    if not headers:
        return ()
    decoded = []
    for header in headers:
        schema = schema_at(schemas, header.schema_ref)
        decoded.append(Header(header.key, decode_value(schema, header.value), schema))
    return tuple(decoded)


def decode_sink_records(batch: Any) -> list[SinkRecord]:
    """The SinkRecords of a polyconnect.data.v1.SinkRecordBatch (None gives [])."""
    if batch is None:
        return []
    schemas = decode_schema_table(batch.schemas)
    records = []
    append = records.append
    for proto in batch.records:
        key_schema = schema_at(schemas, proto.key_schema_ref)
        value_schema = schema_at(schemas, proto.value_schema_ref)
        append(
            SinkRecord(
                topic=proto.topic,
                kafka_partition=proto.kafka_partition,
                kafka_offset=proto.kafka_offset,
                key=decode_value(key_schema, proto.key),
                key_schema=key_schema,
                value=decode_value(value_schema, proto.value),
                value_schema=value_schema,
                timestamp=proto.timestamp if proto.HasField("timestamp") else None,
                timestamp_type=_TIMESTAMP_TYPE_NAMES.get(proto.timestamp_type, TimestampType.NO_TIMESTAMP_TYPE),
                headers=_decode_headers(proto.headers, schemas),
                original_topic=proto.original_topic or proto.topic,
                original_kafka_partition=proto.original_kafka_partition,
                original_kafka_offset=proto.original_kafka_offset,
            )
        )
    return records


def encode_sink_records(records: Iterable[SinkRecord], batch: Any = None) -> Any:
    """Fills (or creates) a SinkRecordBatch: what the worker sends in Put (for tests and drivers)."""
    if batch is None:
        batch = record_pb2.SinkRecordBatch()
    ref_of = SchemaTable(batch.schemas).ref_of
    for record in records:
        proto = batch.records.add(
            topic=record.topic,
            kafka_partition=record.kafka_partition,
            kafka_offset=record.kafka_offset,
            timestamp_type=_TIMESTAMP_TYPES[record.timestamp_type],
            key_schema_ref=ref_of(record.key_schema),
            key=encode_value(record.key_schema, record.key),
            value_schema_ref=ref_of(record.value_schema),
            value=encode_value(record.value_schema, record.value),
            original_topic=record.original_topic,
            original_kafka_partition=record.original_kafka_partition,
            original_kafka_offset=record.original_kafka_offset,
        )
        if record.timestamp is not None:
            proto.timestamp = record.timestamp
        if record.headers:
            _encode_headers(proto.headers, record.headers, ref_of)
    return batch


def decode_source_records(batch: Any) -> list[SourceRecord]:
    """The SourceRecords of a SourceRecordBatch: what the worker reads from Poll (for tests and drivers)."""
    if batch is None:
        return []
    schemas = decode_schema_table(batch.schemas)
    records = []
    last_partition_text = None
    last_partition = None
    for proto in batch.records:
        key_schema = schema_at(schemas, proto.key_schema_ref)
        value_schema = schema_at(schemas, proto.value_schema_ref)
        if proto.source_partition != last_partition_text:
            last_partition_text = proto.source_partition
            last_partition = _parse_source_map(last_partition_text)
        records.append(
            SourceRecord(
                topic=proto.topic,
                kafka_partition=proto.kafka_partition if proto.HasField("kafka_partition") else None,
                key_schema=key_schema,
                key=decode_value(key_schema, proto.key),
                value_schema=value_schema,
                value=decode_value(value_schema, proto.value),
                timestamp=proto.timestamp if proto.HasField("timestamp") else None,
                headers=_decode_headers(proto.headers, schemas),
                source_partition=last_partition,
                source_offset=_parse_source_map(proto.source_offset),
            )
        )
    return records


def _parse_source_map(text: str) -> dict[str, Any] | None:
    if text == "":
        return None
    parsed = json.loads(text)
    if not isinstance(parsed, dict):
        raise DataException(f"A source partition or offset must be a JSON object, got {text[:100]}")
    return parsed


parse_source_map = _parse_source_map
