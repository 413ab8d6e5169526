"""Schemas on the wire and the per-batch schema table (docs/plugin-protocol.md section 6)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from polyconnect_sdk import (
    INT32_SCHEMA,
    INT64_SCHEMA,
    OPTIONAL_STRING_SCHEMA,
    STRING_SCHEMA,
    DataException,
    DecimalSchema,
    Header,
    SchemaBuilder,
    SinkRecord,
    SourceRecord,
    Struct,
    TimestampType,
)
from polyconnect_sdk.wire.protocol import record_pb2, schema_pb2
from polyconnect_sdk.wire.record_codec import decode_sink_records, decode_source_records, encode_sink_records, encode_source_records
from polyconnect_sdk.wire.schema_codec import SchemaTable, decode_schema_table, from_proto_schema, schema_at, to_proto_schema

USER = (
    SchemaBuilder.struct()
    .name("com.example.User")
    .version(3)
    .doc("A user")
    .parameter("origin", "test")
    .field("id", INT64_SCHEMA)
    .field("name", OPTIONAL_STRING_SCHEMA)
    .field("score", DecimalSchema.builder(2).optional().build())
    .field("tags", SchemaBuilder.map(STRING_SCHEMA, SchemaBuilder.array(INT32_SCHEMA).build()).optional().build())
    .build()
)


def test_a_schema_survives_the_wire_with_every_attribute():
    proto = to_proto_schema(USER)
    assert proto.type == schema_pb2.SCHEMA_TYPE_STRUCT
    assert (proto.name, proto.version, proto.doc, dict(proto.parameters)) == ("com.example.User", 3, "A user", {"origin": "test"})
    assert [f.name for f in proto.fields] == ["id", "name", "score", "tags"]
    assert proto.fields[2].schema.parameters["scale"] == "2"
    assert proto.fields[3].schema.key_schema.type == schema_pb2.SCHEMA_TYPE_STRING
    assert proto.fields[3].schema.value_schema.value_schema.type == schema_pb2.SCHEMA_TYPE_INT32
    assert from_proto_schema(proto) == USER


def test_absent_attributes_stay_absent():
    proto = to_proto_schema(INT32_SCHEMA)
    for name in ("name", "version", "doc", "default_value", "key_schema", "value_schema"):
        assert not proto.HasField(name)
    assert len(proto.parameters) == 0 and not proto.optional
    decoded = from_proto_schema(proto)
    assert decoded.name is None and decoded.version is None and decoded.parameters is None


def test_defaults_travel_in_the_json_value_encoding_of_their_schema():
    big = SchemaBuilder.int64().default_value(2**60).build()
    assert to_proto_schema(big).default_value == '"1152921504606846976"'
    assert from_proto_schema(to_proto_schema(big)).default_value == 2**60
    price = DecimalSchema.builder(2).default_value(Decimal("1.5")).build()
    assert to_proto_schema(price).default_value == '"1.50"'
    text = SchemaBuilder.string().default_value("").build()
    assert to_proto_schema(text).default_value == '""'
    assert from_proto_schema(to_proto_schema(text)).default_value == ""


def test_a_schema_without_a_type_is_refused():
    with pytest.raises(DataException):
        from_proto_schema(schema_pb2.Schema())


def test_each_distinct_schema_is_listed_once_in_order_of_first_use():
    batch = record_pb2.SourceRecordBatch()
    table = SchemaTable(batch.schemas)
    assert table.ref_of(None) == 0
    assert table.ref_of(USER) == 1
    assert table.ref_of(STRING_SCHEMA) == 2
    assert table.ref_of(USER) == 1
    rebuilt = SchemaBuilder.string().build()  # equal, another object
    assert rebuilt is not STRING_SCHEMA and table.ref_of(rebuilt) == 2
    assert table.ref_of(OPTIONAL_STRING_SCHEMA) == 3
    assert len(batch.schemas) == 3


def test_keys_values_and_headers_share_one_table():
    records = [
        SourceRecord(topic="t", key="k1", key_schema=STRING_SCHEMA, value=Struct(USER, {"id": 1}), value_schema=USER,
                     headers=[Header("h", "v", STRING_SCHEMA), Header("n", 5)]),
        SourceRecord(topic="t", key="k2", key_schema=STRING_SCHEMA, value=Struct(USER, {"id": 2}), value_schema=USER),
    ]
    batch = encode_source_records(records)
    assert len(batch.schemas) == 2
    assert [(r.key_schema_ref, r.value_schema_ref) for r in batch.records] == [(1, 2), (1, 2)]
    assert [(h.key, h.schema_ref, h.value) for h in batch.records[0].headers] == [("h", 1, '"v"'), ("n", 0, "5")]


def test_decoders_accept_repeated_schemas_and_reject_references_beyond_the_table():
    batch = record_pb2.SinkRecordBatch()
    batch.schemas.add().CopyFrom(to_proto_schema(STRING_SCHEMA))
    batch.schemas.add().CopyFrom(to_proto_schema(STRING_SCHEMA))
    batch.records.add(topic="t", value_schema_ref=2, value='"x"')
    assert decode_sink_records(batch)[0].value == "x"
    batch.records.add(topic="t", value_schema_ref=3, value='"x"')
    with pytest.raises(DataException, match="outside"):
        decode_sink_records(batch)
    with pytest.raises(DataException):
        schema_at([], 1)


def test_equal_schemas_decode_to_one_object_across_batches():
    first = decode_schema_table([to_proto_schema(USER)])[0]
    second = decode_schema_table([to_proto_schema(USER)])[0]
    assert first is second


def test_source_records_round_trip():
    records = [
        SourceRecord(topic="t", value="hello", value_schema=STRING_SCHEMA, source_partition={"filename": "/in.txt"}, source_offset={"position": 6},
                     kafka_partition=0, timestamp=1795666987781),
        SourceRecord(topic="t", value={"free": ["form"]}, source_partition={"filename": "/in.txt"}, source_offset={"position": 13}),
    ]
    batch = encode_source_records(records)
    first, second = batch.records
    assert (first.source_partition, first.source_offset, first.key, first.value) == ('{"filename":"/in.txt"}', '{"position":6}', "", '"hello"')
    assert first.HasField("kafka_partition") and first.kafka_partition == 0 and first.timestamp == 1795666987781
    assert not second.HasField("kafka_partition") and not second.HasField("timestamp")
    decoded = decode_source_records(batch)
    assert decoded[0] == SourceRecord(topic="t", value="hello", value_schema=STRING_SCHEMA, source_partition={"filename": "/in.txt"},
                                      source_offset={"position": 6}, kafka_partition=0, timestamp=1795666987781)
    assert decoded[1].value == {"free": ["form"]} and decoded[1].source_offset == {"position": 13}


def test_source_partitions_and_offsets_must_be_flat_json_objects():
    for bad in ({"a": [1]}, {"a": {"b": 1}}, {1: "a"}, ["a"], {"big": 2**53}):
        with pytest.raises(DataException):
            encode_source_records([SourceRecord(topic="t", value="x", source_partition=bad)])
        with pytest.raises(DataException):
            encode_source_records([SourceRecord(topic="t", value="x", source_partition={"p": 1}, source_offset=bad)])


def test_a_reused_partition_dict_that_changes_is_encoded_again():
    partition = {"file": "a"}
    first = SourceRecord(topic="t", value="x", source_partition=partition)
    batch_records = [first]
    encoded_first = encode_source_records(batch_records).records[0].source_partition
    partition["file"] = "b"
    assert encode_source_records([first, SourceRecord(topic="t", value="y", source_partition=partition)]).records[1].source_partition == '{"file":"b"}'
    assert encoded_first == '{"file":"a"}'


def test_lone_surrogates_are_escaped_rather_than_failing():
    records = [SourceRecord(topic="t", value=text, value_schema=STRING_SCHEMA) for text in ("ok", "a\ud800b", "é")]
    batch = encode_source_records(records)
    assert [r.value for r in batch.records] == ['"ok"', '"a\\ud800b"', '"é"']


def test_sink_records_round_trip_with_original_coordinates():
    record = SinkRecord(
        topic="renamed", kafka_partition=1, kafka_offset=42, key=b"\x01", key_schema=SchemaBuilder.bytes().build(), value=Struct(USER, {"id": 7}),
        value_schema=USER, timestamp=1700000000000, timestamp_type=TimestampType.CREATE_TIME, headers=(Header("h", 1, INT32_SCHEMA),),
        original_topic="orders", original_kafka_partition=3, original_kafka_offset=41,
    )
    decoded = decode_sink_records(encode_sink_records([record]))
    assert decoded == [record]


def test_an_empty_original_topic_means_topic():
    batch = record_pb2.SinkRecordBatch()
    batch.records.add(topic="t", kafka_partition=0, kafka_offset=1)
    record = decode_sink_records(batch)[0]
    assert record.original_topic == "t" and record.timestamp is None and record.timestamp_type == TimestampType.NO_TIMESTAMP_TYPE
