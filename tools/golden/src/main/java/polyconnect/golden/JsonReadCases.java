// Bytes handed to Kafka's JsonConverter to record how it reads them (lenient coercions, Jackson's
// parsing rules) and the failures Kafka reports: unreadable bytes, refused writes and refused
// settings. The TypeScript tests rebuild the refused writes by name (golden-cases.ts errorInput).
package polyconnect.golden;

import static polyconnect.golden.JsonWriteCases.KEEP_NULL;
import static polyconnect.golden.JsonWriteCases.NESTED;
import static polyconnect.golden.JsonWriteCases.PLAIN;
import static polyconnect.golden.JsonWriteCases.SCHEMAS;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class JsonReadCases {
    private static final long DAY = 86_400_000L;

    /** Bytes to read (not written by Kafka: authored here to exercise Kafka's reader). */
    record ReadCase(String name, Map<String, String> config, byte[] bytes) {
    }

    private JsonReadCases() {
    }

    static List<ReadCase> readCases() {
        List<ReadCase> cases = new ArrayList<>();
        String int8 = "{\"type\":\"int8\",\"optional\":false}";
        cases.add(read("read-int8-overflow", SCHEMAS, envelope(int8, "300")));
        cases.add(read("read-int32-from-string", SCHEMAS, envelope("{\"type\":\"int32\",\"optional\":false}", "\"12\"")));
        cases.add(read("read-boolean-from-number", SCHEMAS, envelope("{\"type\":\"boolean\",\"optional\":false}", "1")));
        cases.add(read("read-string-from-number", SCHEMAS, envelope("{\"type\":\"string\",\"optional\":true}", "5")));
        String int64Array = "{\"type\":\"array\",\"items\":{\"type\":\"int64\",\"optional\":false},\"optional\":false}";
        cases.add(read("read-array-from-object", SCHEMAS, envelope(int64Array, "{\"a\":1,\"b\":2}")));
        cases.add(read("read-array-from-scalar", SCHEMAS, envelope(int64Array, "5")));
        cases.add(read("read-int64-overflow", PLAIN, "12345678901234567890"));
        cases.add(read("read-int64-from-fraction", SCHEMAS, envelope("{\"type\":\"int64\",\"optional\":false}", "-7.9")));
        cases.add(read("read-float32-rounding", SCHEMAS, envelope("{\"type\":\"float\",\"optional\":false}", "0.1")));
        cases.add(read("read-float64-string-nan", SCHEMAS, envelope("{\"type\":\"double\",\"optional\":false}", "\"NaN\"")));
        String decimal2 = "{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\",\"version\":1,"
                + "\"parameters\":{\"scale\":\"2\"}}";
        cases.add(read("read-decimal-number-keeps-scale", SCHEMAS, envelope(decimal2, "1.5")));
        cases.add(read("read-decimal-integer", SCHEMAS, envelope(decimal2, "7")));
        cases.add(read("read-decimal-exponent", SCHEMAS, envelope(decimal2, "1.50E+3")));
        cases.add(read("read-negative-zero", PLAIN, "-0.0"));
        cases.add(read("read-exponent-is-float", PLAIN, "1e2"));
        cases.add(read("read-leading-zeros", PLAIN, "[007, -01.50]"));
        cases.add(read("read-trailing-content", PLAIN, "{\"a\":1} trailing"));
        cases.add(read("read-empty-plain", PLAIN, ""));
        cases.add(read("read-blank-plain", PLAIN, " \n\t "));
        cases.add(read("read-duplicate-keys", PLAIN, "{\"a\":1,\"b\":2,\"a\":3}"));
        cases.add(read("read-escapes", PLAIN, "\"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\\"\\\\\""));
        String struct = "{\"type\":\"struct\",\"fields\":[{\"type\":\"string\",\"optional\":true,\"field\":\"maybe\"},"
                + "{\"type\":\"int32\",\"optional\":true,\"default\":5,\"field\":\"five\"}],\"optional\":false}";
        cases.add(read("read-struct-missing-members", SCHEMAS, envelope(struct, "{\"extra\":true}")));
        cases.add(read("read-struct-missing-members-keep-null", KEEP_NULL, envelope(struct, "{}")));
        cases.add(read("read-time-upper-bound", SCHEMAS, envelope(
                "{\"type\":\"int32\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Time\",\"version\":1}", "86400000")));
        cases.add(read("read-timestamp-beyond-int", SCHEMAS, envelope(
                "{\"type\":\"int64\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Timestamp\",\"version\":1}", "4102444800000")));
        cases.add(read("read-utf8-bom", PLAIN, "\ufeff[1]"));
        cases.add(read("read-version-not-integral", SCHEMAS, envelope("{\"type\":\"int32\",\"optional\":false,\"version\":1.5}", "1")));
        cases.add(read("read-schema-null", SCHEMAS, envelope("null", "{\"a\":[1,2.5,\"x\",true,null]}")));
        cases.add(read("read-member-order", SCHEMAS, "{\"payload\":1,\"schema\":{\"optional\":false,\"type\":\"int64\"}}"));
        cases.add(read("read-map-string-keys-schema", SCHEMAS, envelope(
                "{\"type\":\"map\",\"keys\":{\"type\":\"string\",\"optional\":false},\"values\":{\"type\":\"int16\",\"optional\":true},\"optional\":false}",
                "{\"x\":1,\"y\":null}")));
        return cases;
    }

    static List<ReadCase> readErrorCases() {
        List<ReadCase> cases = new ArrayList<>();
        cases.add(read("error-missing-envelope", SCHEMAS, "{\"a\":1}"));
        cases.add(read("error-extra-envelope-member", SCHEMAS, "{\"schema\":null,\"payload\":1,\"extra\":2}"));
        cases.add(read("error-envelope-not-object", SCHEMAS, "[1,2]"));
        cases.add(read("error-empty-with-schemas", SCHEMAS, ""));
        cases.add(read("error-bad-json", SCHEMAS, "{\"schema\":"));
        cases.add(read("error-bad-json-plain", PLAIN, "[1,]"));
        cases.add(read("error-root-number-garbage", PLAIN, "12a"));
        cases.add(read("error-bad-utf8", PLAIN, new byte[] {'"', (byte) 0xc3, '"'}));
        cases.add(read("error-too-deep", PLAIN, "[".repeat(1001) + "]".repeat(1001)));
        cases.add(read("error-schema-without-type", SCHEMAS, envelope("{\"optional\":false}", "1")));
        cases.add(read("error-unknown-type", SCHEMAS, envelope("{\"type\":\"int128\"}", "1")));
        cases.add(read("error-struct-not-object", SCHEMAS, envelope("{\"type\":\"struct\",\"fields\":[],\"optional\":false}", "5")));
        String stringMap = "{\"type\":\"map\",\"keys\":{\"type\":\"string\",\"optional\":false},\"values\":{\"type\":\"int32\",\"optional\":false},\"optional\":false}";
        cases.add(read("error-string-map-not-object", SCHEMAS, envelope(stringMap, "[]")));
        String intMap = "{\"type\":\"map\",\"keys\":{\"type\":\"int32\",\"optional\":false},\"values\":{\"type\":\"int32\",\"optional\":false},\"optional\":false}";
        cases.add(read("error-int-map-not-array", SCHEMAS, envelope(intMap, "{}")));
        cases.add(read("error-map-entry-not-array", SCHEMAS, envelope(intMap, "[1]")));
        cases.add(read("error-map-entry-wrong-length", SCHEMAS, envelope(intMap, "[[1]]")));
        cases.add(read("error-required-null", SCHEMAS, envelope("{\"type\":\"int32\",\"optional\":false}", "null")));
        cases.add(read("error-optional-not-boolean", SCHEMAS, envelope("{\"type\":\"int32\",\"optional\":\"true\"}", "null")));
        cases.add(read("error-required-default-null", SCHEMAS, envelope("{\"type\":\"int32\",\"optional\":false,\"default\":null}", "1")));
        cases.add(read("error-required-struct-field-missing", SCHEMAS, envelope(
                "{\"type\":\"struct\",\"fields\":[{\"type\":\"string\",\"optional\":false,\"field\":\"s\"}],\"optional\":false}", "{}")));
        cases.add(read("error-required-struct-field-wrong-type", SCHEMAS, envelope(
                "{\"type\":\"struct\",\"fields\":[{\"type\":\"string\",\"optional\":false,\"field\":\"s\"}],\"optional\":false}", "{\"s\":5}")));
        cases.add(read("error-date-not-int", SCHEMAS, envelope(
                "{\"type\":\"int32\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Date\",\"version\":1}", "\"2024-02-29\"")));
        cases.add(read("error-time-out-of-range", SCHEMAS, envelope(
                "{\"type\":\"int32\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Time\",\"version\":1}", "86400001")));
        cases.add(read("error-timestamp-fraction", SCHEMAS, envelope(
                "{\"type\":\"int64\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Timestamp\",\"version\":1}", "1.5")));
        String decimal2 = "{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\",\"version\":1,"
                + "\"parameters\":{\"scale\":\"2\"}}";
        cases.add(read("error-decimal-boolean", SCHEMAS, envelope(decimal2, "true")));
        cases.add(read("error-decimal-bad-base64", SCHEMAS, envelope(decimal2, "\"1.5\"")));
        cases.add(read("error-decimal-empty-bytes", SCHEMAS, envelope(decimal2, "\"\"")));
        cases.add(read("error-bytes-bad-base64", SCHEMAS, envelope("{\"type\":\"bytes\",\"optional\":false}", "\"!!\"")));
        cases.add(read("error-parameters-not-strings", SCHEMAS, envelope("{\"type\":\"int32\",\"parameters\":{\"a\":1}}", "1")));
        cases.add(read("error-array-without-items", SCHEMAS, envelope("{\"type\":\"array\"}", "[]")));
        cases.add(read("error-map-without-keys", SCHEMAS, envelope("{\"type\":\"map\",\"values\":{\"type\":\"int32\"}}", "{}")));
        cases.add(read("error-map-null-keys", SCHEMAS, envelope("{\"type\":\"map\",\"keys\":null,\"values\":{\"type\":\"int32\"}}", "[]")));
        cases.add(read("error-struct-fields-not-array", SCHEMAS, envelope("{\"type\":\"struct\",\"fields\":{}}", "{}")));
        cases.add(read("error-struct-field-without-name", SCHEMAS, envelope("{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\"}]}", "{}")));
        return cases;
    }

    /** Writes that Kafka refuses; the TypeScript test rebuilds each input by name. */
    static Map<String, Object[]> writeErrorCases() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        Schema otherStruct = SchemaBuilder.struct().name("polyconnect.golden.Other").field("id", Schema.INT32_SCHEMA).build();
        cases.put("error-write-required-null", new Object[] {Schema.INT32_SCHEMA, null, SCHEMAS});
        cases.put("error-write-required-default-keep-null", new Object[] {SchemaBuilder.int32().defaultValue(42).build(), null, KEEP_NULL});
        cases.put("error-write-decimal-scale", new Object[] {Decimal.schema(2), new BigDecimal("1.234"), SCHEMAS});
        cases.put("error-write-decimal-not-bigdecimal", new Object[] {Decimal.schema(2), "1.5", SCHEMAS});
        cases.put("error-write-date-with-time", new Object[] {Date.SCHEMA, new java.util.Date(1000), SCHEMAS});
        cases.put("error-write-time-with-date", new Object[] {Time.SCHEMA, new java.util.Date(2 * DAY), SCHEMAS});
        cases.put("error-write-string-for-int32", new Object[] {Schema.INT32_SCHEMA, "5", SCHEMAS});
        cases.put("error-write-int-for-string", new Object[] {Schema.STRING_SCHEMA, 5, SCHEMAS});
        cases.put("error-write-string-for-bytes", new Object[] {Schema.BYTES_SCHEMA, "abc", SCHEMAS});
        cases.put("error-write-schemaless-decimal", new Object[] {null, new BigDecimal("1.5"), PLAIN});
        cases.put("error-write-schemaless-date", new Object[] {null, new java.util.Date(0), PLAIN});
        cases.put("error-write-schemaless-struct", new Object[] {null, new Struct(NESTED).put("id", 1), PLAIN});
        cases.put("error-write-struct-mismatch", new Object[] {NESTED, new Struct(otherStruct).put("id", 1), SCHEMAS});
        return cases;
    }

    /** Settings Kafka rejects when the converter is configured. */
    static Map<String, Map<String, String>> configErrorCases() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("error-config-decimal-format", Map.of("decimal.format", "FLOAT"));
        cases.put("error-config-schemas-enable", Map.of("schemas.enable", "maybe"));
        cases.put("error-config-cache-size", Map.of("schemas.cache.size", "many"));
        cases.put("error-config-converter-type", Map.of("converter.type", "body"));
        return cases;
    }

    private static String envelope(String schema, String payload) {
        return "{\"schema\":" + schema + ",\"payload\":" + payload + "}";
    }

    private static ReadCase read(String name, Map<String, String> config, String text) {
        return new ReadCase(name, config, text.getBytes(StandardCharsets.UTF_8));
    }

    private static ReadCase read(String name, Map<String, String> config, byte[] bytes) {
        return new ReadCase(name, config, bytes);
    }
}
