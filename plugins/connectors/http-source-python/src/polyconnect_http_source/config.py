"""The connector's configuration keys (served on /connector-plugins/HttpSource/config)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from polyconnect_sdk import ConfigDef, ConfigException, ConfigType, Importance, at_least, non_empty_string

from .schemas import parse_schema_text

GROUP_HTTP = "HTTP"
GROUP_RECORDS = "Records"


def _http_url(name: str, value: Any) -> None:
    if value is None:
        return
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigException.invalid_value(name, value, "Expected an http:// or https:// URL")


def _headers(name: str, value: Any) -> None:
    for entry in value or []:
        if ":" not in entry or entry.split(":", 1)[0].strip() == "":
            raise ConfigException.invalid_value(name, entry, 'Expected "Name: value" entries, comma-separated')


def _json_schema(name: str, value: Any) -> None:
    if value:
        try:
            parse_schema_text(value)
        except ValueError as error:
            raise ConfigException.invalid_value(name, value, f"Not a Connect JSON schema: {error}") from None


CONFIG = (
    ConfigDef()
    .define("http.url", ConfigType.STRING, importance=Importance.HIGH, validator=_http_url, group=GROUP_HTTP, order_in_group=1,
            documentation="The URL to GET. It answers with JSON that holds an array of records (see json.records.path).")
    .define("topic", ConfigType.STRING, importance=Importance.HIGH, validator=non_empty_string, group=GROUP_RECORDS, order_in_group=1,
            documentation="The topic to write the records to.")
    .define("poll.interval.ms", ConfigType.LONG, 5000, validator=at_least(0), importance=Importance.MEDIUM, group=GROUP_HTTP, order_in_group=2,
            documentation="Time between requests once the source has no new records. While requests bring new records "
                          "(and offset.field is set) the next request follows at once.")
    .define("http.headers", ConfigType.LIST, "", validator=_headers, importance=Importance.MEDIUM, group=GROUP_HTTP, order_in_group=3,
            documentation='Request headers as comma-separated "Name: value" entries, e.g. "Authorization: Bearer x, Accept: application/json".')
    .define("http.timeout.ms", ConfigType.INT, 30000, validator=at_least(1), importance=Importance.LOW, group=GROUP_HTTP, order_in_group=4,
            documentation="Connect and read timeout of each request.")
    .define("json.records.path", ConfigType.STRING, "", importance=Importance.HIGH, group=GROUP_RECORDS, order_in_group=2,
            documentation='Where the array of records is in the response: a dot path such as "data.items" or a JSON Pointer '
                          'such as "/data/items". Empty: the response itself is the array. A single object there is one record.')
    .define("offset.field", ConfigType.STRING, "", importance=Importance.HIGH, group=GROUP_RECORDS, order_in_group=3,
            documentation="A field of each record (dot path or JSON Pointer) whose value increases from record to record, such as an id "
                          "or a timestamp. It is the record's source offset: records at or below the last committed offset are skipped, "
                          "and the last one is sent to the server (offset.param). Numbers compare as numbers, text as text. "
                          "Empty: no offsets, every response is emitted whole.")
    .define("offset.param", ConfigType.STRING, "since", importance=Importance.MEDIUM, group=GROUP_RECORDS, order_in_group=4,
            documentation="The query parameter that carries the last offset to the server, e.g. ?since=42. Empty: not sent.")
    .define("offset.initial", ConfigType.STRING, None, importance=Importance.LOW, group=GROUP_RECORDS, order_in_group=5,
            documentation="The offset.param value to send before any offset is known. Absent: the parameter is left out of the first request.")
    .define("key.field", ConfigType.STRING, "", importance=Importance.MEDIUM, group=GROUP_RECORDS, order_in_group=6,
            documentation="A field of each record (dot path or JSON Pointer) whose value, as text, is the record key. Empty: no key.")
    .define("value.schema", ConfigType.STRING, "", validator=_json_schema, importance=Importance.MEDIUM, group=GROUP_RECORDS, order_in_group=7,
            documentation="The records' value schema in JsonConverter's schema format, e.g. "
                          '{"type":"struct","fields":[{"field":"id","type":"int64"},{"field":"name","type":"string","optional":true}]}. '
                          "Empty: schemaless records, or inferred schemas with value.schema.infer.")
    .define("value.schema.infer", ConfigType.BOOLEAN, False, importance=Importance.LOW, group=GROUP_RECORDS, order_in_group=8,
            documentation="Infer a schema from each record (objects become optional structs, integers INT64, other numbers FLOAT64). "
                          "Ignored when value.schema is set.")
)


def parse_config(config: dict[str, str]) -> dict[str, Any]:
    """Typed settings; ConfigException with Kafka's messages when a key is missing or invalid."""
    parsed = CONFIG.parse(config)
    if parsed["value.schema"] and parsed["value.schema.infer"]:
        raise ConfigException("value.schema and value.schema.infer=true cannot both be set: declare the schema or infer it")
    return parsed
