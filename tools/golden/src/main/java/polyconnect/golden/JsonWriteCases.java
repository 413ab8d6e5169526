// The values the JsonConverter golden files are written from: the settings variants, the
// all-types struct, the defaults struct, primitives, logical types, schemaless data and containers.
// test/unit/converters/golden-cases.ts rebuilds each of them in TypeScript under the same name.
package polyconnect.golden;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class JsonWriteCases {
    private static final long DAY = 86_400_000L;

    static final Map<String, String> SCHEMAS = Map.of("schemas.enable", "true");
    static final Map<String, String> PLAIN = Map.of("schemas.enable", "false");
    static final Map<String, String> NUMERIC = Map.of("schemas.enable", "true", "decimal.format", "NUMERIC");
    static final Map<String, String> NUMERIC_PLAIN = Map.of("schemas.enable", "false", "decimal.format", "NUMERIC");
    static final Map<String, String> KEEP_NULL = Map.of("schemas.enable", "true", "replace.null.with.default", "false");
    static final Map<String, String> KEEP_NULL_PLAIN = Map.of("schemas.enable", "false", "replace.null.with.default", "false");

    static final Map<String, Map<String, String>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("schemas", SCHEMAS);
        VARIANTS.put("plain", PLAIN);
        VARIANTS.put("numeric", NUMERIC);
        VARIANTS.put("numeric-plain", NUMERIC_PLAIN);
        VARIANTS.put("keep-null", KEEP_NULL);
        VARIANTS.put("keep-null-plain", KEEP_NULL_PLAIN);
    }

    /** A value to write: schema and value, and the setting variants to write it with. */
    record WriteCase(String name, Schema schema, Object value, boolean isKey, List<String> variants) {
    }

    private JsonWriteCases() {
    }

    static final String SPECIAL_STRING = "ASCII \"quotes\" back\\slash /slash; controls \u0000\u0001\b\t\n\f\r\u001f; del \u007f;"
            + " latin \u00e9\u00df; cjk \u65e5\u672c\u8a9e; emoji \ud83d\ude00; line separator \u2028; lone surrogate \ud800!";

    static final Schema NESTED = SchemaBuilder.struct().name("polyconnect.golden.Nested")
            .field("id", Schema.INT32_SCHEMA)
            .field("label", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    static final Schema ALL_TYPES = SchemaBuilder.struct().name("polyconnect.golden.AllTypes").version(3).doc("Every Connect type")
            .field("int8", Schema.INT8_SCHEMA)
            .field("int16", Schema.INT16_SCHEMA)
            .field("int32", Schema.INT32_SCHEMA)
            .field("int64", Schema.INT64_SCHEMA)
            .field("int64_beyond_2_53", Schema.INT64_SCHEMA)
            .field("float32", Schema.FLOAT32_SCHEMA)
            .field("float64", Schema.FLOAT64_SCHEMA)
            .field("float64_big", Schema.FLOAT64_SCHEMA)
            .field("float64_negative_zero", Schema.FLOAT64_SCHEMA)
            .field("float64_tiny", Schema.FLOAT64_SCHEMA)
            .field("boolean", Schema.BOOLEAN_SCHEMA)
            .field("string", Schema.STRING_SCHEMA)
            .field("bytes", Schema.BYTES_SCHEMA)
            .field("array", SchemaBuilder.array(Schema.INT32_SCHEMA).build())
            .field("map_string_keys", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build())
            .field("map_int_keys", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build())
            .field("nested", NESTED)
            .field("optional_null", Schema.OPTIONAL_STRING_SCHEMA)
            .field("with_default", SchemaBuilder.int32().optional().defaultValue(42).build())
            .field("with_default_set", SchemaBuilder.string().optional().defaultValue("fallback").build())
            .field("decimal", Decimal.schema(2))
            .field("decimal_negative", Decimal.schema(2))
            .field("date", Date.SCHEMA)
            .field("time", Time.SCHEMA)
            .field("timestamp", Timestamp.SCHEMA)
            .field("optional_timestamp", Timestamp.builder().optional().build())
            .build();

    static Struct allTypesValue() {
        Map<String, Long> stringKeys = new LinkedHashMap<>();
        stringKeys.put("b", 2L);
        stringKeys.put("a", 1L);
        Map<Integer, String> intKeys = new LinkedHashMap<>();
        intKeys.put(2, "two");
        intKeys.put(1, "one");
        intKeys.put(-1, "minus one");
        return new Struct(ALL_TYPES)
                .put("int8", (byte) -128)
                .put("int16", (short) -32768)
                .put("int32", Integer.MAX_VALUE)
                .put("int64", Long.MIN_VALUE)
                .put("int64_beyond_2_53", 9007199254740993L)
                .put("float32", 3.14f)
                .put("float64", 0.1)
                .put("float64_big", 1e10)
                .put("float64_negative_zero", -0.0)
                .put("float64_tiny", 1e-7)
                .put("boolean", true)
                .put("string", SPECIAL_STRING)
                .put("bytes", new byte[] {0, 1, 2, (byte) 0x80, (byte) 0xff})
                .put("array", List.of(1, 2, 3))
                .put("map_string_keys", stringKeys)
                .put("map_int_keys", intKeys)
                .put("nested", new Struct(NESTED).put("id", 7).put("label", "seven"))
                .put("optional_null", null)
                .put("with_default", null)
                .put("with_default_set", "given")
                .put("decimal", new BigDecimal("12345.67"))
                .put("decimal_negative", new BigDecimal("-1.56"))
                .put("date", new java.util.Date(LocalDate.of(2024, 2, 29).toEpochDay() * DAY))
                .put("time", new java.util.Date(49_530_123L))
                .put("timestamp", new java.util.Date(1_709_214_330_123L))
                .put("optional_timestamp", null);
    }

    static final Schema DEFAULTS = SchemaBuilder.struct().name("polyconnect.golden.Defaults")
            .field("int64", SchemaBuilder.int64().optional().defaultValue(9007199254740993L).build())
            .field("float32", SchemaBuilder.float32().optional().defaultValue(1.5f).build())
            .field("string", SchemaBuilder.string().optional().defaultValue("fallback").build())
            .field("bytes", SchemaBuilder.bytes().optional().defaultValue(new byte[] {1, 2}).build())
            .field("array", SchemaBuilder.array(Schema.INT32_SCHEMA).optional().defaultValue(List.of(1, 2)).build())
            .field("map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.BOOLEAN_SCHEMA).optional().defaultValue(Map.of("k", true)).build())
            .field("decimal", Decimal.builder(2).optional().defaultValue(new BigDecimal("9.99")).build())
            .field("date", Date.builder().optional().defaultValue(new java.util.Date(0)).build())
            .build();

    static List<WriteCase> writeCases() {
        List<WriteCase> cases = new ArrayList<>();
        List<String> both = List.of("schemas", "plain");
        cases.add(new WriteCase("all-types", ALL_TYPES, allTypesValue(), false,
                List.of("schemas", "plain", "numeric", "numeric-plain", "keep-null", "keep-null-plain")));
        cases.add(new WriteCase("defaults", DEFAULTS, new Struct(DEFAULTS), false, List.of("schemas", "plain", "numeric", "keep-null")));

        Object[][] primitives = {
            {"int8-min", Schema.INT8_SCHEMA, (byte) -128},
            {"int16-min", Schema.INT16_SCHEMA, (short) -32768},
            {"int32-max", Schema.INT32_SCHEMA, Integer.MAX_VALUE},
            {"int64-beyond-2-53", Schema.INT64_SCHEMA, 9007199254740993L},
            {"int64-max", Schema.INT64_SCHEMA, Long.MAX_VALUE},
            {"int64-min", Schema.INT64_SCHEMA, Long.MIN_VALUE},
            {"float32-pi", Schema.FLOAT32_SCHEMA, 3.14f},
            {"float32-one", Schema.FLOAT32_SCHEMA, 1.0f},
            {"float32-tenth", Schema.FLOAT32_SCHEMA, 0.1f},
            {"float32-1e10", Schema.FLOAT32_SCHEMA, 1e10f},
            {"float32-max", Schema.FLOAT32_SCHEMA, Float.MAX_VALUE},
            {"float32-min-value", Schema.FLOAT32_SCHEMA, Float.MIN_VALUE},
            {"float64-tenth", Schema.FLOAT64_SCHEMA, 0.1},
            {"float64-one", Schema.FLOAT64_SCHEMA, 1.0},
            {"float64-hundred", Schema.FLOAT64_SCHEMA, 100.0},
            {"float64-below-1e7", Schema.FLOAT64_SCHEMA, 9999999.0},
            {"float64-1e7", Schema.FLOAT64_SCHEMA, 1e7},
            {"float64-thousandth", Schema.FLOAT64_SCHEMA, 0.001},
            {"float64-1e-4", Schema.FLOAT64_SCHEMA, 1e-4},
            {"float64-1e10", Schema.FLOAT64_SCHEMA, 1e10},
            {"float64-1e-7", Schema.FLOAT64_SCHEMA, 1e-7},
            {"float64-negative-zero", Schema.FLOAT64_SCHEMA, -0.0},
            {"float64-long-fraction", Schema.FLOAT64_SCHEMA, 123456.789012345},
            {"float64-third", Schema.FLOAT64_SCHEMA, 1.0 / 3},
            {"float64-max", Schema.FLOAT64_SCHEMA, Double.MAX_VALUE},
            {"float64-min-value", Schema.FLOAT64_SCHEMA, Double.MIN_VALUE},
            {"float64-nan", Schema.FLOAT64_SCHEMA, Double.NaN},
            {"float64-infinity", Schema.FLOAT64_SCHEMA, Double.POSITIVE_INFINITY},
            {"float64-negative-infinity", Schema.FLOAT64_SCHEMA, Double.NEGATIVE_INFINITY},
            {"float64-jdk17-2e23", Schema.FLOAT64_SCHEMA, 2e23},
            {"boolean-true", Schema.BOOLEAN_SCHEMA, true},
            {"boolean-false", Schema.BOOLEAN_SCHEMA, false},
            {"string-hello", Schema.STRING_SCHEMA, "hello"},
            {"string-empty", Schema.STRING_SCHEMA, ""},
            {"string-special", Schema.STRING_SCHEMA, SPECIAL_STRING},
            {"bytes", Schema.BYTES_SCHEMA, new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0}},
            {"bytes-empty", Schema.BYTES_SCHEMA, new byte[0]},
            {"optional-string-null", Schema.OPTIONAL_STRING_SCHEMA, null},
            {"optional-struct-null", SchemaBuilder.struct().name("polyconnect.golden.Nested").optional()
                    .field("id", Schema.INT32_SCHEMA).field("label", Schema.OPTIONAL_STRING_SCHEMA).build(), null},
            {"int32-default-for-null", SchemaBuilder.int32().optional().defaultValue(42).build(), null},
        };
        for (Object[] primitive : primitives) {
            cases.add(new WriteCase((String) primitive[0], (Schema) primitive[1], primitive[2], false, both));
        }
        cases.add(new WriteCase("int32-default-for-null-keep-null", SchemaBuilder.int32().optional().defaultValue(42).build(), null,
                false, List.of("keep-null", "keep-null-plain")));
        cases.add(new WriteCase("key-string", Schema.STRING_SCHEMA, "a key", true, both));
        cases.add(new WriteCase("tombstone", null, null, false, both));

        List<String> decimalVariants = List.of("schemas", "plain", "numeric", "numeric-plain");
        cases.add(new WriteCase("decimal", Decimal.schema(2), new BigDecimal("12345.67"), false, decimalVariants));
        cases.add(new WriteCase("decimal-negative", Decimal.schema(2), new BigDecimal("-1.56"), false, decimalVariants));
        cases.add(new WriteCase("decimal-zero", Decimal.schema(2), new BigDecimal("0.00"), false, decimalVariants));
        cases.add(new WriteCase("decimal-huge", Decimal.schema(2), new BigDecimal("123456789012345678901234567890.12"), false, decimalVariants));
        cases.add(new WriteCase("decimal-negative-scale", Decimal.schema(-3), new BigDecimal(BigInteger.ONE, -3), false, decimalVariants));
        cases.add(new WriteCase("decimal-tiny", Decimal.schema(10), new BigDecimal("1E-10"), false, decimalVariants));
        cases.add(new WriteCase("date", Date.SCHEMA, new java.util.Date(LocalDate.of(2024, 2, 29).toEpochDay() * DAY), false, both));
        cases.add(new WriteCase("date-before-epoch", Date.SCHEMA, new java.util.Date(LocalDate.of(1969, 7, 20).toEpochDay() * DAY), false, both));
        cases.add(new WriteCase("time", Time.SCHEMA, new java.util.Date(49_530_123L), false, both));
        cases.add(new WriteCase("time-midnight", Time.SCHEMA, new java.util.Date(0), false, both));
        cases.add(new WriteCase("timestamp", Timestamp.SCHEMA, new java.util.Date(1_709_214_330_123L), false, both));
        cases.add(new WriteCase("timestamp-before-epoch", Timestamp.SCHEMA, new java.util.Date(-1L), false, both));

        Map<String, Object> schemaless = new LinkedHashMap<>();
        schemaless.put("int", 1);
        schemaless.put("string", "x");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("null", null);
        schemaless.put("list", Arrays.asList(true, null, 2.5, inner));
        schemaless.put("long", 9007199254740993L);
        schemaless.put("double", 0.5);
        schemaless.put("bytes", new byte[] {1, 2, 3});
        cases.add(new WriteCase("schemaless-map", null, schemaless, false, both));
        cases.add(new WriteCase("schemaless-list", null, Arrays.asList(1, "two", 3.5, null, false), false, both));
        Map<Object, Object> intKeys = new LinkedHashMap<>();
        intKeys.put(1, "one");
        intKeys.put(2, "two");
        cases.add(new WriteCase("schemaless-map-int-keys", null, intKeys, false, both));
        Map<Object, Object> mixedKeys = new LinkedHashMap<>();
        mixedKeys.put("a", 1);
        mixedKeys.put(2L, "b");
        cases.add(new WriteCase("schemaless-map-mixed-keys", null, mixedKeys, false, both));
        cases.add(new WriteCase("schemaless-string", null, SPECIAL_STRING, false, both));
        cases.add(new WriteCase("schemaless-long", null, 9007199254740993L, false, both));
        cases.add(new WriteCase("schemaless-double", null, 2.5, false, both));
        // A Java Double that is a whole number: JavaScript cannot tell it from an integer.
        cases.add(new WriteCase("schemaless-integral-double", null, 1.0, false, both));
        cases.add(new WriteCase("schemaless-boolean", null, true, false, both));
        cases.add(new WriteCase("schemaless-bytes", null, new byte[] {(byte) 0xff, 0}, false, both));

        Schema arrayOfStructs = SchemaBuilder.array(NESTED).build();
        cases.add(new WriteCase("array-of-structs", arrayOfStructs, List.of(
                new Struct(NESTED).put("id", 1).put("label", "one"), new Struct(NESTED).put("id", 2)), false, both));
        Schema mapOfArrays = SchemaBuilder.map(Schema.STRING_SCHEMA, SchemaBuilder.array(Schema.OPTIONAL_FLOAT64_SCHEMA).build()).build();
        Map<String, List<Double>> arrays = new LinkedHashMap<>();
        arrays.put("z", Arrays.asList(1.5, null, -2.0));
        arrays.put("", List.of());
        cases.add(new WriteCase("map-of-arrays", mapOfArrays, arrays, false, both));
        Map<byte[], String> bytesKeys = new LinkedHashMap<>();
        bytesKeys.put(new byte[] {1}, "one");
        cases.add(new WriteCase("map-bytes-keys", SchemaBuilder.map(Schema.BYTES_SCHEMA, Schema.STRING_SCHEMA).build(), bytesKeys, false, both));
        Map<Struct, Integer> structKeys = new LinkedHashMap<>();
        structKeys.put(new Struct(NESTED).put("id", 1).put("label", "k"), 10);
        cases.add(new WriteCase("map-struct-keys", SchemaBuilder.map(NESTED, Schema.INT32_SCHEMA).build(), structKeys, false, both));
        Map<String, String> optionalKeys = new LinkedHashMap<>();
        optionalKeys.put(null, "null key");
        cases.add(new WriteCase("map-null-string-key", SchemaBuilder.map(Schema.OPTIONAL_STRING_SCHEMA, Schema.STRING_SCHEMA).build(),
                optionalKeys, false, both));
        Schema metadata = SchemaBuilder.string().name("polyconnect.golden.Id").version(2).doc("An identifier")
                .parameter("b", "2").parameter("a", "1").build();
        cases.add(new WriteCase("schema-metadata", metadata, "id-1", false, List.of("schemas")));
        return cases;
    }
}
