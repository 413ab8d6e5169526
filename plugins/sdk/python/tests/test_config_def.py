"""ConfigDef: typed keys, defaults, required keys, validators, Kafka's messages, and the protocol
shapes of Describe (ConfigKey) and ValidateConfig (ConfigValue), as the TypeScript SDK answers."""

from __future__ import annotations

import pytest

from polyconnect_sdk import (
    ConfigDef,
    ConfigException,
    ConfigType,
    Importance,
    Password,
    Width,
    all_of,
    at_least,
    between,
    no_control_characters,
    non_empty_list,
    non_empty_string,
    valid_string,
)
from polyconnect_sdk.config import render_config_value
from polyconnect_sdk.runtime.connector_service import to_proto_config_key, to_proto_config_value
from polyconnect_sdk.wire.protocol import config_pb2

FILE_SOURCE = (
    ConfigDef()
    .define("file", ConfigType.STRING, None, importance=Importance.HIGH, documentation="Source filename. If not specified, the standard input will be used")
    .define("topic", ConfigType.STRING, importance=Importance.HIGH, validator=non_empty_string, documentation="The topic to publish data to")
    .define("batch.size", ConfigType.INT, 2000, validator=at_least(1), importance=Importance.LOW, documentation="The maximum number of records the source task can read from the file each time it is polled")
)


def test_parse_gives_typed_values_with_defaults():
    assert FILE_SOURCE.parse({"topic": "t", "name": "ignored"}) == {"file": None, "topic": "t", "batch.size": 2000}
    assert FILE_SOURCE.parse({"topic": " t ", "batch.size": " 10 "})["batch.size"] == 10


def test_kafkas_messages():
    with pytest.raises(ConfigException, match='^Missing required configuration "topic" which has no default value.$'):
        FILE_SOURCE.parse({})
    with pytest.raises(ConfigException, match="^Invalid value 0 for configuration batch.size: Value must be at least 1$"):
        FILE_SOURCE.parse({"topic": "t", "batch.size": "0"})
    with pytest.raises(ConfigException, match="^Invalid value x for configuration batch.size: Not a number of type INT$"):
        FILE_SOURCE.parse({"topic": "t", "batch.size": "x"})
    with pytest.raises(ConfigException, match="^Invalid value  for configuration topic: String must be non-empty$"):
        FILE_SOURCE.parse({"topic": ""})


@pytest.mark.parametrize(
    ("config_type", "text", "value"),
    [
        (ConfigType.BOOLEAN, "TRUE", True),
        (ConfigType.BOOLEAN, "false", False),
        (ConfigType.STRING, " x ", "x"),
        (ConfigType.CLASS, "com.example.X", "com.example.X"),
        (ConfigType.INT, "-2147483648", -(2**31)),
        (ConfigType.SHORT, "32767", 32767),
        (ConfigType.LONG, "9223372036854775807", 2**63 - 1),
        (ConfigType.DOUBLE, "1.5", 1.5),
        (ConfigType.DOUBLE, "1e3", 1000.0),
        (ConfigType.LIST, "a, b ,c", ["a", "b", "c"]),
        (ConfigType.LIST, "", []),
    ],
)
def test_types(config_type, text, value):
    assert ConfigDef().define("k", config_type, importance=Importance.LOW, documentation="").parse({"k": text}) == {"k": value}


@pytest.mark.parametrize(
    ("config_type", "text", "reason"),
    [
        (ConfigType.BOOLEAN, "yes", "Expected value to be either true or false"),
        (ConfigType.INT, "2147483648", "Not a number of type INT"),
        (ConfigType.SHORT, "32768", "Not a number of type SHORT"),
        (ConfigType.LONG, "1.5", "Not a number of type LONG"),
        (ConfigType.DOUBLE, "abc", "Not a number of type DOUBLE"),
        (ConfigType.DOUBLE, "nan", "Not a number of type DOUBLE"),
    ],
)
def test_type_errors(config_type, text, reason):
    with pytest.raises(ConfigException, match=f"^Invalid value {text} for configuration k: {reason}$"):
        ConfigDef().define("k", config_type, importance=Importance.LOW, documentation="").parse({"k": text})


def test_passwords_are_hidden():
    parsed = ConfigDef().define("secret", ConfigType.PASSWORD, importance=Importance.HIGH, documentation="").parse({"secret": "s3cret"})
    assert parsed["secret"].value() == "s3cret"
    assert str(parsed["secret"]) == "[hidden]" and repr(parsed["secret"]) == "[hidden]"
    assert render_config_value(Password("x")) == "[hidden]"


def test_validators():
    checks = [
        (between(1, 10), 11, "Value must be no more than 10"),
        (valid_string(["a", "b"]), "c", "String must be one of: a, b"),
        (non_empty_list, [], "Empty list"),
        (no_control_characters, "a\u0001", "String may not contain control sequences but had the following ASCII chars: 1"),
        (all_of(non_empty_string, valid_string(["x"])), "", "String must be non-empty"),
    ]
    for validator, value, reason in checks:
        with pytest.raises(ConfigException, match=reason):
            validator("k", value)
    valid_string(["A"], case_insensitive=True)("k", "a")
    between(1, 10)("k", None)


def test_a_bad_default_is_refused_at_definition():
    with pytest.raises(ConfigException):
        ConfigDef().define("n", ConfigType.INT, 0, validator=at_least(1), importance=Importance.LOW, documentation="")
    with pytest.raises(ConfigException, match="defined twice"):
        ConfigDef().define("n", ConfigType.INT, importance=Importance.LOW, documentation="").define("n", ConfigType.INT, importance=Importance.LOW, documentation="")


def test_describe_shapes_match_the_typescript_sdk():
    keys = [to_proto_config_key(key) for key in FILE_SOURCE.keys()]
    file_key, topic_key, batch_key = keys
    # As in docs/plugin-protocol.md section 11: a null default is absent and not required.
    assert not file_key.required and not file_key.HasField("default_value")
    assert topic_key.required and not topic_key.HasField("default_value")
    assert not batch_key.required and batch_key.default_value == "2000"
    for key in keys:
        assert key.order_in_group == -1 and key.width == config_pb2.CONFIG_WIDTH_NONE and key.display_name == key.name
        assert not key.HasField("group") and list(key.dependents) == []
    assert file_key.type == config_pb2.CONFIG_TYPE_STRING and file_key.importance == config_pb2.CONFIG_IMPORTANCE_HIGH
    assert batch_key.type == config_pb2.CONFIG_TYPE_INT and batch_key.importance == config_pb2.CONFIG_IMPORTANCE_LOW


def test_defaults_render_as_kafka_shows_them():
    definition = (
        ConfigDef()
        .define("list", ConfigType.LIST, "a,b", importance=Importance.LOW, documentation="", group="G", order_in_group=2, width=Width.SHORT, display_name="List", dependents=["flag"])
        .define("flag", ConfigType.BOOLEAN, False, importance=Importance.MEDIUM, documentation="")
        .define("secret", ConfigType.PASSWORD, "pw", importance=Importance.LOW, documentation="")
    )
    list_key, flag_key, secret_key = (to_proto_config_key(key) for key in definition.keys())
    assert (list_key.default_value, list_key.group, list_key.order_in_group, list_key.width, list_key.display_name, list(list_key.dependents)) == (
        "a,b", "G", 2, config_pb2.CONFIG_WIDTH_SHORT, "List", ["flag"])
    assert flag_key.default_value == "false"
    assert secret_key.default_value == "[hidden]"
    assert definition.groups() == ["G"]


def test_validate_reports_every_key_as_the_worked_example_shows():
    values = [to_proto_config_value(result) for result in FILE_SOURCE.validate({"topic": "connect-test"})]
    assert [(v.name, v.HasField("value") and v.value, list(v.errors), v.visible) for v in values] == [
        ("file", False, [], True),
        ("topic", "connect-test", [], True),
        ("batch.size", "2000", [], True),
    ]
    values = [to_proto_config_value(result) for result in FILE_SOURCE.validate({"batch.size": "x"})]
    assert [(v.name, v.HasField("value") and v.value, list(v.errors)) for v in values] == [
        ("file", False, []),
        ("topic", False, ['Missing required configuration "topic" which has no default value.']),
        ("batch.size", "x", ["Invalid value x for configuration batch.size: Not a number of type INT"]),
    ]


def test_merge_keeps_order_and_lets_the_other_win():
    a = ConfigDef().define("x", ConfigType.INT, 1, importance=Importance.LOW, documentation="a").define("y", ConfigType.INT, 1, importance=Importance.LOW, documentation="a")
    b = ConfigDef().define("y", ConfigType.INT, 2, importance=Importance.LOW, documentation="b")
    merged = a.merge(b)
    assert merged.names() == ["x", "y"] and merged.key("y").documentation == "b"
