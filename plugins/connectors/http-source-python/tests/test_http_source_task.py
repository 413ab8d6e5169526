"""HttpSourceTask against a local HTTP server, called directly (no worker, no plugin process)."""

from __future__ import annotations

import datetime as dt
import json
import socket
from decimal import Decimal
from types import SimpleNamespace

import pytest

from polyconnect_http_source.connector import HttpSourceConnector
from polyconnect_http_source.task import HttpSourceTask, offset_is_after
from polyconnect_sdk import ConfigException, ConnectException, DataException, RetriableException, Struct
from polyconnect_sdk.wire.record_codec import decode_source_records, encode_source_records


def started(server, committed=None, **config):
    settings = {"http.url": server.url, "topic": "items", "poll.interval.ms": "0", **{k.replace("_", "."): v for k, v in config.items()}}
    task = HttpSourceTask()
    task.initialize(SimpleNamespace(connector_name="http", task_id=0, configs=lambda: settings,
                                    offset_storage_reader=SimpleNamespace(offset=lambda partition: committed if partition == {"url": server.url} else None)))
    task.start(settings)
    return task


def items(*ids, **extra):
    return [{"id": i, "name": f"item-{i}", **extra} for i in ids]


def test_schemaless_records_with_offsets_and_the_since_parameter(server):
    server.items = items(1, 2, 3)
    task = started(server, offset_field="id")
    records = task.poll()
    assert [r.value for r in records] == items(1, 2, 3)
    assert all(r.value_schema is None and r.key is None for r in records)
    assert [r.source_offset for r in records] == [{"offset": 1}, {"offset": 2}, {"offset": 3}]
    assert records[0].source_partition == {"url": server.url} and records[0].topic == "items"
    assert server.requests[0]["query"] == {}  # no offset yet, no offset.initial
    server.items += items(4)
    assert [r.value["id"] for r in task.poll()] == [4]
    assert server.requests[1]["query"] == {"since": ["3"]}
    assert task.poll() == [] and server.requests[2]["query"] == {"since": ["4"]}


def test_resumes_from_the_committed_offset(server):
    server.items = items(1, 2, 3)
    task = started(server, committed={"offset": 2}, offset_field="id")
    assert [r.value["id"] for r in task.poll()] == [3]
    assert server.requests[0]["query"] == {"since": ["2"]}


def test_skips_seen_records_even_when_the_server_ignores_since_and_sorts_by_offset(server):
    server.honour_since = False
    server.items = items(3, 1, 2)
    task = started(server, committed={"offset": 1}, offset_field="id", offset_param="after")
    assert [r.value["id"] for r in task.poll()] == [2, 3]
    assert server.requests[0]["query"] == {"after": ["1"]}
    assert task.poll() == []


def test_text_offsets_such_as_timestamps(server):
    server.honour_since = False
    server.items = [{"id": 1, "at": "2024-01-02T00:00:00Z"}, {"id": 2, "at": "2024-01-01T00:00:00Z"}]
    task = started(server, committed={"offset": "2024-01-01T00:00:00Z"}, offset_field="at")
    assert [r.value["id"] for r in task.poll()] == [1]
    assert offset_is_after(10, 9) and not offset_is_after("10", "9") and offset_is_after(1.5, 1)


def test_offset_initial_is_sent_before_any_offset_is_known(server):
    server.items = items(5, 6)
    task = started(server, offset_field="id", offset_initial="5")
    assert [r.value["id"] for r in task.poll()] == [6]
    assert server.requests[0]["query"] == {"since": ["5"]}


def test_an_existing_query_is_kept(server):
    server.items = items(1)
    task = started(server, committed={"offset": 0}, offset_field="id")
    task._url = server.url + "?limit=10&since=99"
    assert task.request_url() == server.url + "?limit=10&since=0"


def test_records_path_dot_and_pointer_and_a_single_object(server):
    server.items = items(1, 2)
    server.envelope = lambda found: {"data": {"items": found}, "total": len(found)}
    assert [r.value["id"] for r in started(server, json_records_path="data.items").poll()] == [1, 2]
    assert [r.value["id"] for r in started(server, json_records_path="/data/items").poll()] == [1, 2]
    server.envelope = lambda found: {"latest": found[-1]}
    assert [r.value["id"] for r in started(server, json_records_path="latest").poll()] == [2]
    server.envelope = lambda found: {"other": 1}
    with pytest.raises(ConnectException, match="json.records.path"):
        started(server, json_records_path="data.items").poll()


def test_keys_and_headers(server):
    server.items = [{"id": 7, "user": {"name": "ann"}}]
    task = started(server, key_field="user.name", http_headers="Authorization: Bearer s3cret, X-Trace:a:b")
    record = task.poll()[0]
    assert record.key == "ann" and record.key_schema.type == "STRING" and record.key_schema.optional
    headers = server.requests[0]["headers"]
    assert headers["Authorization"] == "Bearer s3cret" and headers["X-Trace"] == "a:b" and headers["Accept"] == "application/json"


def test_inferred_schemas(server):
    server.items = [{"id": 1, "price": 1.5, "ok": True, "tags": ["a", "b"], "owner": {"name": "x"}, "none": None}]
    record = started(server, value_schema_infer="true").poll()[0]
    schema = record.value_schema
    assert [(f.name, f.schema.type) for f in schema.fields] == [
        ("id", "INT64"), ("price", "FLOAT64"), ("ok", "BOOLEAN"), ("tags", "ARRAY"), ("owner", "STRUCT"), ("none", "STRING")]
    assert all(f.schema.optional for f in schema.fields)
    decoded = decode_source_records(encode_source_records([record]))[0]
    assert decoded.value["owner"]["name"] == "x" and decoded.value["tags"] == ["a", "b"] and decoded.value["price"] == 1.5


def test_a_declared_schema_with_logical_types(server):
    schema = {
        "type": "struct", "name": "com.example.Item", "fields": [
            {"field": "id", "type": "int64"},
            {"field": "price", "type": "bytes", "name": "org.apache.kafka.connect.data.Decimal", "parameters": {"scale": "2"}},
            {"field": "at", "type": "int64", "name": "org.apache.kafka.connect.data.Timestamp"},
            {"field": "day", "type": "int32", "name": "org.apache.kafka.connect.data.Date", "optional": True},
            {"field": "note", "type": "string", "optional": True, "default": "none"},
        ]}
    server.items = [{"id": 1, "price": 0.1, "at": "2024-01-02T03:04:05.678Z", "day": "2024-01-02", "extra": 1}]
    record = started(server, value_schema=json.dumps(schema)).poll()[0]
    assert record.value_schema.name == "com.example.Item"
    decoded = decode_source_records(encode_source_records([record]))[0].value
    assert isinstance(decoded, Struct)
    assert decoded["price"] == Decimal("0.10")
    assert decoded["at"] == dt.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=dt.timezone.utc)
    assert decoded["day"] == dt.date(2024, 1, 2)
    assert decoded.get_without_default("note") is None and decoded["note"] == "none"
    server.items = [{"price": 1}]
    with pytest.raises(DataException, match="value.id"):
        started(server, value_schema=json.dumps(schema)).poll()


def test_without_an_offset_field_every_answer_is_emitted_once_per_interval(server):
    server.items = items(1, 2)
    task = started(server, poll_interval_ms="60000")
    assert len(task.poll()) == 2
    assert task.poll() is None and len(server.requests) == 1  # waits for the interval
    assert all(r.source_offset is None for r in started(server).poll())


def test_server_errors_and_unreachable_servers_are_retriable(server):
    server.status = 503
    with pytest.raises(RetriableException, match="503"):
        started(server).poll()
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    task = HttpSourceTask()
    settings = {"http.url": f"http://127.0.0.1:{port}/x", "topic": "t", "http.timeout.ms": "2000"}
    task.initialize(SimpleNamespace(connector_name="http", task_id=0, configs=lambda: settings, offset_storage_reader=SimpleNamespace(offset=lambda p: None)))
    task.start(settings)
    with pytest.raises(RetriableException, match="failed"):
        task.poll()


def test_client_errors_bad_json_and_records_without_offsets_fail_the_task(server):
    server.status = 404
    with pytest.raises(ConnectException, match="404") as raised:
        started(server).poll()
    assert not isinstance(raised.value, RetriableException)
    server.status = 200
    server.raw_body = b"<html>oops</html>"
    with pytest.raises(ConnectException, match="did not answer with JSON"):
        started(server).poll()
    server.raw_body = None
    server.items = [{"name": "no id"}]
    server.honour_since = False
    with pytest.raises(ConnectException, match='no usable offset.field "id"'):
        started(server, offset_field="id").poll()


def test_stop_wakes_a_waiting_poll(server):
    server.items = items(1)
    task = started(server, poll_interval_ms="60000")
    task.poll()
    task.stop()
    assert task.poll() is None


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({}, 'Missing required configuration "http.url" which has no default value.'),
        ({"http.url": "ftp://x"}, "Invalid value ftp://x for configuration http.url: Expected an http:// or https:// URL"),
        ({"http.url": "http://x", "topic": "t", "http.headers": "NoColon"}, 'Invalid value NoColon for configuration http.headers: Expected "Name: value" entries'),
        ({"http.url": "http://x", "topic": "t", "value.schema": '{"type":"nope"}'}, "Not a Connect JSON schema"),
        ({"http.url": "http://x", "topic": "t", "value.schema": '{"type":"string"}', "value.schema.infer": "true"}, "cannot both be set"),
        ({"http.url": "http://x", "topic": "t", "poll.interval.ms": "-1"}, "Value must be at least 0"),
    ],
)
def test_bad_configs_fail_start_with_kafkas_messages(config, message):
    with pytest.raises(ConfigException, match=message.replace("(", r"\(").replace(")", r"\)")):
        HttpSourceConnector().start(config)


def test_validate_reports_every_key():
    results = {r.name: r for r in HttpSourceConnector().validate({"http.url": "http://x/y", "topic": "t"})}
    assert list(results) == ["http.url", "topic", "poll.interval.ms", "http.headers", "http.timeout.ms", "json.records.path", "offset.field",
                             "offset.param", "offset.initial", "key.field", "value.schema", "value.schema.infer"]
    assert all(not r.errors for r in results.values())
    assert results["offset.param"].value == "since" and results["offset.initial"].value is None


def test_one_task_with_the_connector_config():
    connector = HttpSourceConnector()
    connector.start({"http.url": "http://x/y", "topic": "t", "tasks.max": "3"})
    assert connector.task_configs(3) == [{"http.url": "http://x/y", "topic": "t", "tasks.max": "3"}]
    assert connector.task_class() is HttpSourceTask
