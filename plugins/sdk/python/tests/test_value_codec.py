"""The JSON value encoding, one test per row of docs/plugin-protocol.md section 7 (and its rules)."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import pytest

from polyconnect_sdk import (
    BOOLEAN_SCHEMA,
    BYTES_SCHEMA,
    FLOAT32_SCHEMA,
    FLOAT64_SCHEMA,
    INT8_SCHEMA,
    INT16_SCHEMA,
    INT32_SCHEMA,
    INT64_SCHEMA,
    OPTIONAL_INT32_SCHEMA,
    OPTIONAL_STRING_SCHEMA,
    STRING_SCHEMA,
    DataException,
    DateSchema,
    DecimalSchema,
    SchemaBuilder,
    Struct,
    TimeSchema,
    TimestampSchema,
)
from polyconnect_sdk.wire.value_codec import decode_value, encode_value

UTC = dt.timezone.utc
POINT = SchemaBuilder.struct().name("Point").field("x", INT32_SCHEMA).field("y", OPTIONAL_INT32_SCHEMA).build()


def roundtrip(schema, value, text):
    assert encode_value(schema, value) == text
    assert decode_value(schema, text) == value


class TestNull:
    def test_null_is_the_empty_text_at_the_top_level(self):
        for schema in (None, STRING_SCHEMA, OPTIONAL_STRING_SCHEMA, INT64_SCHEMA, POINT):
            assert encode_value(schema, None) == ""
            assert decode_value(schema, "") is None

    def test_the_empty_string_is_two_quotes(self):
        roundtrip(STRING_SCHEMA, "", '""')

    def test_null_inside_containers_is_json_null(self):
        schema = SchemaBuilder.array(OPTIONAL_INT32_SCHEMA).build()
        roundtrip(schema, [1, None, 3], "[1,null,3]")

    def test_a_null_element_where_the_schema_is_required_is_an_error(self):
        with pytest.raises(DataException):
            encode_value(SchemaBuilder.array(INT32_SCHEMA).build(), [1, None])
        with pytest.raises(DataException):
            decode_value(SchemaBuilder.array(INT32_SCHEMA).build(), "[1,null]")


class TestIntegers:
    @pytest.mark.parametrize("schema", [INT8_SCHEMA, INT16_SCHEMA, INT32_SCHEMA, INT64_SCHEMA])
    def test_numbers(self, schema):
        roundtrip(schema, 42, "42")
        roundtrip(schema, -7, "-7")

    @pytest.mark.parametrize(
        ("schema", "low", "high"),
        [(INT8_SCHEMA, -128, 127), (INT16_SCHEMA, -32768, 32767), (INT32_SCHEMA, -(2**31), 2**31 - 1)],
    )
    def test_ranges(self, schema, low, high):
        roundtrip(schema, low, str(low))
        roundtrip(schema, high, str(high))
        for outside in (low - 1, high + 1):
            with pytest.raises(DataException):
                encode_value(schema, outside)
            with pytest.raises(DataException):
                decode_value(schema, str(outside))

    def test_int64_within_2_53_is_a_number(self):
        roundtrip(INT64_SCHEMA, 2**53 - 1, "9007199254740991")
        roundtrip(INT64_SCHEMA, -(2**53 - 1), "-9007199254740991")

    def test_int64_beyond_2_53_is_an_exact_string(self):
        roundtrip(INT64_SCHEMA, 2**53 + 1, '"9007199254740993"')
        roundtrip(INT64_SCHEMA, -(2**63), '"-9223372036854775808"')
        roundtrip(INT64_SCHEMA, 2**63 - 1, '"9223372036854775807"')

    def test_int64_decoders_accept_numbers_and_digit_strings_and_nothing_else(self):
        assert decode_value(INT64_SCHEMA, '"42"') == 42
        assert decode_value(INT64_SCHEMA, "9007199254740993") == 2**53 + 1  # a number beyond 2^53 stays exact
        for bad in ('"12.0"', '"0x10"', '"1e3"', '" 1"', '"-"', "true"):
            with pytest.raises(DataException):
                decode_value(INT64_SCHEMA, bad)
        with pytest.raises(DataException):
            decode_value(INT64_SCHEMA, '"9223372036854775808"')
        with pytest.raises(DataException):
            encode_value(INT64_SCHEMA, 2**63)

    def test_integer_types_refuse_fractions_strings_and_booleans(self):
        for schema in (INT8_SCHEMA, INT16_SCHEMA, INT32_SCHEMA, INT64_SCHEMA):
            for bad in ("1.5", "true", "null" if False else "[1]"):
                with pytest.raises(DataException):
                    decode_value(schema, bad)
            for bad in (1.5, True, "1"):
                with pytest.raises(DataException):
                    encode_value(schema, bad)
        for schema in (INT8_SCHEMA, INT16_SCHEMA, INT32_SCHEMA):
            with pytest.raises(DataException):
                decode_value(schema, '"1"')

    def test_an_integral_number_written_with_a_point_is_an_integer(self):
        assert decode_value(INT32_SCHEMA, "2.0") == 2


class TestFloats:
    @pytest.mark.parametrize("schema", [FLOAT32_SCHEMA, FLOAT64_SCHEMA])
    def test_numbers(self, schema):
        roundtrip(schema, 1.5, "1.5")
        assert encode_value(schema, 2.0) in ("2", "2.0")
        assert decode_value(schema, "2") == 2.0 and isinstance(decode_value(schema, "2"), float)
        assert encode_value(schema, 1e300) == "1e+300"
        assert decode_value(schema, "1e+300") == 1e300

    @pytest.mark.parametrize("schema", [FLOAT32_SCHEMA, FLOAT64_SCHEMA])
    def test_nan_and_infinities_are_strings(self, schema):
        assert encode_value(schema, math.nan) == '"NaN"'
        assert encode_value(schema, math.inf) == '"Infinity"'
        assert encode_value(schema, -math.inf) == '"-Infinity"'
        assert math.isnan(decode_value(schema, '"NaN"'))
        assert decode_value(schema, '"Infinity"') == math.inf
        assert decode_value(schema, '"-Infinity"') == -math.inf
        with pytest.raises(DataException):
            decode_value(schema, '"1.5"')

    def test_negative_zero_travels_as_zero(self):
        assert decode_value(FLOAT64_SCHEMA, encode_value(FLOAT64_SCHEMA, -0.0)) == 0.0

    def test_ints_are_accepted_for_floats(self):
        assert encode_value(FLOAT64_SCHEMA, 3) in ("3", "3.0")


class TestBooleansAndStrings:
    def test_booleans(self):
        roundtrip(BOOLEAN_SCHEMA, True, "true")
        roundtrip(BOOLEAN_SCHEMA, False, "false")
        with pytest.raises(DataException):
            decode_value(BOOLEAN_SCHEMA, "1")
        with pytest.raises(DataException):
            encode_value(BOOLEAN_SCHEMA, 1)

    def test_strings_with_escapes_and_unicode(self):
        roundtrip(STRING_SCHEMA, 'héllo "x"', '"héllo \\"x\\""')
        roundtrip(STRING_SCHEMA, "tab\tnew\nline\\ \u0001", '"tab\\tnew\\nline\\\\ \\u0001"')
        roundtrip(STRING_SCHEMA, "😀", '"😀"')
        assert decode_value(STRING_SCHEMA, '"\\u00e9\\ud83d\\ude00"') == "é😀"
        with pytest.raises(DataException):
            decode_value(STRING_SCHEMA, "12")

    def test_decoders_accept_whitespace(self):
        assert decode_value(STRING_SCHEMA, ' "a" ') == "a"
        assert decode_value(POINT, '{ "y" : 2 , "x" : 1 }') == Struct(POINT, {"x": 1, "y": 2})


class TestBytes:
    def test_standard_base64_with_padding(self):
        roundtrip(BYTES_SCHEMA, bytes([0, 1, 2, 0xFF]), '"AAEC/w=="')
        roundtrip(BYTES_SCHEMA, b"", '""')
        roundtrip(BYTES_SCHEMA, b"\xfb\xff", '"+/8="')

    def test_bytearray_and_memoryview_are_accepted(self):
        assert encode_value(BYTES_SCHEMA, bytearray(b"\x00\x01")) == '"AAE="'
        assert encode_value(BYTES_SCHEMA, memoryview(b"\x00\x01")) == '"AAE="'

    def test_not_base64_is_an_error(self):
        for bad in ('"AAE"', '"AA-_"', "12"):
            with pytest.raises(DataException):
                decode_value(BYTES_SCHEMA, bad)


class TestContainers:
    def test_arrays(self):
        schema = SchemaBuilder.array(INT64_SCHEMA).build()
        roundtrip(schema, [1, 2**60], '[1,"1152921504606846976"]')
        assert encode_value(schema, (1, 2)) == "[1,2]"

    def test_maps_with_string_keys_are_objects(self):
        schema = SchemaBuilder.map(STRING_SCHEMA, INT32_SCHEMA).build()
        roundtrip(schema, {"a": 1, "b": 2}, '{"a":1,"b":2}')

    def test_maps_with_other_keys_are_pairs(self):
        schema = SchemaBuilder.map(INT32_SCHEMA, STRING_SCHEMA).build()
        roundtrip(schema, {1: "one"}, '[[1,"one"]]')

    def test_maps_with_struct_keys(self):
        key_schema = SchemaBuilder.struct().field("x", INT32_SCHEMA).build()
        schema = SchemaBuilder.map(key_schema, BOOLEAN_SCHEMA).build()
        key = Struct(key_schema, {"x": 1})
        roundtrip(schema, {key: True}, '[[{"x":1},true]]')

    def test_maps_with_array_keys_decode_with_tuple_keys(self):
        schema = SchemaBuilder.map(SchemaBuilder.array(INT32_SCHEMA).build(), INT32_SCHEMA).build()
        assert encode_value(schema, {(1, 2): 3}) == "[[[1,2],3]]"
        assert decode_value(schema, "[[[1,2],3]]") == {(1, 2): 3}

    def test_maps_with_map_keys_decode_as_pairs(self):
        key_schema = SchemaBuilder.map(STRING_SCHEMA, INT32_SCHEMA).build()
        schema = SchemaBuilder.map(key_schema, INT32_SCHEMA).build()
        assert decode_value(schema, '[[{"a":1},2]]') == [({"a": 1}, 2)]
        assert encode_value(schema, [({"a": 1}, 2)]) == '[[{"a":1},2]]'

    def test_string_keyed_maps_accept_the_pair_form(self):
        schema = SchemaBuilder.map(STRING_SCHEMA, INT32_SCHEMA).build()
        assert decode_value(schema, '[["a",1]]') == {"a": 1}

    def test_a_pair_that_is_not_two_elements_is_an_error(self):
        schema = SchemaBuilder.map(INT32_SCHEMA, INT32_SCHEMA).build()
        with pytest.raises(DataException):
            decode_value(schema, "[[1,2,3]]")
        with pytest.raises(DataException):
            decode_value(schema, "[1]")


class TestStructs:
    def test_every_field_in_schema_order_with_nulls(self):
        assert encode_value(POINT, Struct(POINT, {"x": 3})) == '{"x":3,"y":null}'
        assert decode_value(POINT, '{"x":3,"y":null}') == Struct(POINT, {"x": 3})

    def test_dicts_are_accepted_for_structs(self):
        assert encode_value(POINT, {"y": 1, "x": 3}) == '{"x":3,"y":1}'
        with pytest.raises(DataException, match="z is not a valid field name"):
            encode_value(POINT, {"x": 1, "z": 2})

    def test_decoders_ignore_unknown_members_and_read_missing_ones_as_null(self):
        assert decode_value(POINT, '{"x":1,"z":9}') == Struct(POINT, {"x": 1})

    def test_a_required_field_without_default_may_not_be_null(self):
        with pytest.raises(DataException, match='"x"'):
            encode_value(POINT, Struct(POINT, {"y": 1}))
        with pytest.raises(DataException, match='"x"'):
            decode_value(POINT, '{"y":1}')

    def test_defaults_are_not_applied_on_the_wire(self):
        with_default = SchemaBuilder.int32().default_value(7).build()
        schema = SchemaBuilder.struct().field("n", with_default).build()
        assert encode_value(schema, Struct(schema)) == '{"n":null}'
        decoded = decode_value(schema, '{"n":null}')
        assert decoded.get_without_default("n") is None
        assert decoded.get("n") == 7

    def test_fields_are_checked_against_their_schema(self):
        with pytest.raises(DataException):
            decode_value(POINT, '{"x":"3"}')
        with pytest.raises(DataException):
            decode_value(POINT, '{"x":2147483648}')

    def test_a_struct_of_another_schema_is_an_error(self):
        other = SchemaBuilder.struct().name("Other").field("x", INT32_SCHEMA).build()
        with pytest.raises(DataException, match="do not match"):
            encode_value(POINT, Struct(other, {"x": 1}))

    def test_nested_structs(self):
        line = SchemaBuilder.struct().field("from", POINT).field("to", POINT).field("tags", SchemaBuilder.array(STRING_SCHEMA).optional().build()).build()
        value = Struct(line, {"from": Struct(POINT, {"x": 1, "y": 2}), "to": Struct(POINT, {"x": 3})})
        roundtrip(line, value, '{"from":{"x":1,"y":2},"to":{"x":3,"y":null},"tags":null}')


class TestDecimal:
    @pytest.mark.parametrize(
        ("scale", "value", "text"),
        [
            (2, Decimal("12.3"), '"12.30"'),
            (2, Decimal("-0.5"), '"-0.50"'),
            (0, Decimal("42"), '"42"'),
            (-2, Decimal("1200"), '"1200"'),
            (2, Decimal("0"), '"0.00"'),
            (2, Decimal("-0.00"), '"0.00"'),
            (30, Decimal("1.5"), '"1.500000000000000000000000000000"'),
            (2, Decimal("123456789012345678901234567890.12"), '"123456789012345678901234567890.12"'),
        ],
    )
    def test_plain_notation_at_the_schema_scale(self, scale, value, text):
        schema = DecimalSchema.schema(scale)
        assert encode_value(schema, value) == text
        assert decode_value(schema, text) == value
        assert decode_value(schema, text).as_tuple().exponent == -scale

    def test_the_schema_looks_like_kafkas(self):
        schema = DecimalSchema.schema(2)
        assert (schema.type, schema.name, dict(schema.parameters), schema.version) == ("BYTES", "org.apache.kafka.connect.data.Decimal", {"scale": "2"}, 1)

    def test_losing_digits_is_an_error_never_a_rounding(self):
        with pytest.raises(DataException):
            encode_value(DecimalSchema.schema(1), Decimal("1.25"))
        with pytest.raises(DataException):
            decode_value(DecimalSchema.schema(1), '"1.25"')
        assert encode_value(DecimalSchema.schema(1), Decimal("1.20")) == '"1.2"'

    def test_decoders_accept_any_decimal_notation_string_or_number(self):
        schema = DecimalSchema.schema(2)
        assert decode_value(schema, '"1.2E+1"') == Decimal("12.00")
        assert decode_value(schema, "1.5") == Decimal("1.50")
        assert decode_value(schema, "0.1") == Decimal("0.10")  # exact, not a binary float
        assert decode_value(schema, "12345678901234567890.12") == Decimal("12345678901234567890.12")
        with pytest.raises(DataException):
            decode_value(schema, '"abc"')

    def test_a_decimal_inside_a_struct_is_read_exactly(self):
        schema = SchemaBuilder.struct().field("price", DecimalSchema.schema(2)).field("ratio", FLOAT64_SCHEMA).build()
        value = decode_value(schema, '{"price":0.10,"ratio":0.5}')
        assert value["price"] == Decimal("0.10") and value["ratio"] == 0.5 and isinstance(value["ratio"], float)

    def test_non_finite_decimals_are_errors(self):
        with pytest.raises(DataException):
            encode_value(DecimalSchema.schema(2), Decimal("NaN"))


class TestDateTime:
    def test_date_is_days_since_the_epoch(self):
        schema = DateSchema.SCHEMA
        roundtrip(schema, dt.date(2024, 2, 29), "19782")
        roundtrip(schema, dt.date(1969, 12, 31), "-1")
        assert encode_value(schema, dt.datetime(2024, 2, 29, tzinfo=UTC)) == "19782"

    def test_a_date_with_time_fields_is_an_error(self):
        with pytest.raises(DataException, match="should not have any time fields"):
            encode_value(DateSchema.SCHEMA, dt.datetime(2024, 2, 29, 1, tzinfo=UTC))

    def test_time_is_milliseconds_since_midnight(self):
        schema = TimeSchema.SCHEMA
        roundtrip(schema, dt.time(13, 45, 30, 250_000), "49530250")
        roundtrip(schema, dt.time(0, 0), "0")
        assert encode_value(schema, dt.datetime(1970, 1, 1, 0, 0, 1, tzinfo=UTC)) == "1000"
        for bad in ("86400000", "-1"):
            with pytest.raises(DataException):
                decode_value(schema, bad)
        with pytest.raises(DataException, match="should not have any date fields"):
            encode_value(schema, dt.datetime(1970, 1, 2, tzinfo=UTC))

    def test_timestamp_is_epoch_milliseconds(self):
        schema = TimestampSchema.SCHEMA
        roundtrip(schema, dt.datetime(2023, 11, 14, 22, 13, 20, 123_000, tzinfo=UTC), "1700000000123")
        roundtrip(schema, dt.datetime(1969, 12, 31, 23, 59, 59, 999_000, tzinfo=UTC), "-1")
        assert encode_value(schema, dt.datetime(2023, 11, 14, 22, 13, 20, 123_000)) == "1700000000123"  # naive is UTC
        assert encode_value(schema, dt.datetime(2023, 11, 14, 23, 13, 20, 123_000, tzinfo=dt.timezone(dt.timedelta(hours=1)))) == "1700000000123"

    def test_logical_schemas_look_like_kafkas(self):
        assert (DateSchema.SCHEMA.type, DateSchema.SCHEMA.name, DateSchema.SCHEMA.version) == ("INT32", "org.apache.kafka.connect.data.Date", 1)
        assert (TimeSchema.SCHEMA.type, TimeSchema.SCHEMA.name) == ("INT32", "org.apache.kafka.connect.data.Time")
        assert (TimestampSchema.SCHEMA.type, TimestampSchema.SCHEMA.name) == ("INT64", "org.apache.kafka.connect.data.Timestamp")

    def test_logical_types_refuse_other_values(self):
        with pytest.raises(DataException):
            encode_value(TimestampSchema.SCHEMA, 1700000000123)
        with pytest.raises(DataException):
            encode_value(DecimalSchema.schema(2), 1.5)


class TestSchemaless:
    def test_primitives(self):
        for value, text in (("text", '"text"'), (12, "12"), (1.25, "1.25"), (True, "true")):
            roundtrip(None, value, text)

    def test_lists_and_string_keyed_maps(self):
        roundtrip(None, [1, "a", None], '[1,"a",null]')
        roundtrip(None, {"a": {"b": [1]}}, '{"a":{"b":[1]}}')

    def test_maps_with_other_keys_read_back_as_pairs(self):
        assert encode_value(None, {1: "a"}) == '[[1,"a"]]'
        assert decode_value(None, '[[1,"a"]]') == [[1, "a"]]

    def test_nan_and_infinities(self):
        assert encode_value(None, math.nan) == '"NaN"'
        assert encode_value(None, math.inf) == '"Infinity"'
        assert encode_value(None, -math.inf) == '"-Infinity"'

    def test_values_without_a_schemaless_form_lose_their_type(self):
        assert encode_value(None, b"\x00\x01\x02\xff") == '"AAEC/w=="'
        assert encode_value(None, dt.datetime(2023, 11, 14, 22, 13, 20, 123_000, tzinfo=UTC)) == "1700000000123"
        assert encode_value(None, Struct(POINT, {"x": 1})) == '{"x":1,"y":null}'

    def test_big_integers_and_decimals_are_refused(self):
        with pytest.raises(DataException, match="INT64 schema"):
            encode_value(None, 2**53)
        with pytest.raises(DataException):
            encode_value(None, Decimal("1.5"))

    def test_decoders_reject_invalid_json(self):
        for bad in ("NaN", "{", "[1,]", "Infinity"):
            with pytest.raises(DataException):
                decode_value(None, bad)
