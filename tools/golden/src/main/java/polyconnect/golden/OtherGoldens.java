// Golden cases for Kafka's StringConverter, ByteArrayConverter and SimpleHeaderConverter, recorded
// as one JSON manifest per converter (bytes as Base64, values described by Describe, schemas in
// JsonConverter's schema form). The TypeScript tests rebuild the write inputs by case name.
package polyconnect.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class OtherGoldens {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long DAY = 86_400_000L;
    private static final JsonConverter SCHEMA_WRITER = JsonGoldens.converter(JsonWriteCases.SCHEMAS, false);

    private OtherGoldens() {
    }

    static ObjectNode stringConverter() {
        ObjectNode manifest = NODES.objectNode();
        ArrayNode writes = manifest.putArray("writes");
        String text = "h\u00e9llo \u20ac \ud83d\ude00";
        for (String encoding : List.of("UTF-8", "UTF-16", "UTF-16BE", "UTF-16LE", "ISO-8859-1", "US-ASCII", "windows-1252")) {
            write(writes, "text-" + encoding, Map.of("converter.encoding", encoding), Schema.STRING_SCHEMA, text);
        }
        Schema struct = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).field("b", Schema.OPTIONAL_STRING_SCHEMA).build();
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", 2);
        Object[][] values = {
            {"int32", Schema.INT32_SCHEMA, 42},
            {"int64", Schema.INT64_SCHEMA, 9007199254740993L},
            {"float32", Schema.FLOAT32_SCHEMA, 1.5f},
            {"float64", Schema.FLOAT64_SCHEMA, 0.1},
            {"float64-big", Schema.FLOAT64_SCHEMA, 1e10},
            {"boolean", Schema.BOOLEAN_SCHEMA, true},
            {"decimal", Decimal.schema(2), new BigDecimal("1.50")},
            {"list", SchemaBuilder.array(Schema.INT32_SCHEMA).build(), List.of(1, 2, 3)},
            {"map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), map},
            {"struct", struct, new Struct(struct).put("a", 1)},
            {"null", Schema.OPTIONAL_STRING_SCHEMA, null},
        };
        for (Object[] value : values) {
            write(writes, (String) value[0], Map.of(), (Schema) value[1], value[2]);
        }
        ArrayNode reads = manifest.putArray("reads");
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        read(reads, "read-utf16-without-bom", Map.of("converter.encoding", "UTF-16"), text.getBytes(StandardCharsets.UTF_16BE));
        read(reads, "read-utf16le", Map.of("converter.encoding", "UTF-16LE"), utf16);
        read(reads, "read-invalid-utf8", Map.of(), new byte[] {'a', (byte) 0xc3, 'b', (byte) 0xff});
        read(reads, "read-latin1", Map.of("converter.encoding", "ISO-8859-1"), new byte[] {'c', 'a', 'f', (byte) 0xe9});
        read(reads, "read-null", Map.of(), null);
        ArrayNode errors = manifest.putArray("errors");
        ObjectNode error = errors.addObject();
        error.put("name", "error-unknown-encoding");
        error.set("config", NODES.objectNode().put("converter.encoding", "no-such-charset"));
        JsonGoldens.recordFailure(error, () -> {
            new StringConverter().configure(Map.of("converter.encoding", "no-such-charset"), false);
            return null;
        });
        return manifest;
    }

    private static void write(ArrayNode writes, String name, Map<String, String> config, Schema schema, Object value) {
        StringConverter converter = new StringConverter();
        converter.configure(config, false);
        byte[] bytes = converter.fromConnectData("topic", schema, value);
        ObjectNode entry = writes.addObject();
        entry.put("name", name);
        entry.set("config", config(config));
        entry.set("input", NODES.objectNode().set("value", Describe.value(value)));
        entry.put("bytes", bytes == null ? null : Base64.getEncoder().encodeToString(bytes));
        entry.set("readBack", describe(converter.toConnectData("topic", bytes)));
    }

    private static void read(ArrayNode reads, String name, Map<String, String> config, byte[] bytes) {
        StringConverter converter = new StringConverter();
        converter.configure(config, false);
        ObjectNode entry = reads.addObject();
        entry.put("name", name);
        entry.set("config", config(config));
        entry.put("bytes", bytes == null ? null : Base64.getEncoder().encodeToString(bytes));
        entry.set("readBack", describe(converter.toConnectData("topic", bytes)));
    }

    static ObjectNode byteArrayConverter() {
        ObjectNode manifest = NODES.objectNode();
        ArrayNode errors = manifest.putArray("errors");
        Object[][] cases = {
            {"error-string-schema", Schema.STRING_SCHEMA, new byte[] {1}},
            {"error-string-value", null, "text"},
            {"error-int-value-with-bytes-schema", Schema.OPTIONAL_BYTES_SCHEMA, 5},
        };
        for (Object[] c : cases) {
            ObjectNode entry = errors.addObject();
            entry.put("name", (String) c[0]);
            JsonGoldens.recordFailure(entry, () -> {
                ByteArrayConverter converter = new ByteArrayConverter();
                converter.configure(Map.of(), false);
                return converter.fromConnectData("topic", (Schema) c[1], c[2]);
            });
        }
        ByteArrayConverter converter = new ByteArrayConverter();
        manifest.set("readNull", describe(converter.toConnectData("topic", null)));
        manifest.set("readBytes", describe(converter.toConnectData("topic", new byte[] {0, 1, (byte) 0xff})));
        return manifest;
    }

    static ObjectNode simpleHeaderConverter() {
        ObjectNode manifest = NODES.objectNode();
        ArrayNode writes = manifest.putArray("writes");
        Schema struct = SchemaBuilder.struct().name("polyconnect.golden.Header")
                .field("a", Schema.INT32_SCHEMA).field("b", Schema.OPTIONAL_STRING_SCHEMA)
                .field("c", SchemaBuilder.float64().optional().defaultValue(2.5).build()).build();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", "v");
        map.put("n", 1);
        map.put("quote\"d", Arrays.asList("a\"b\\c", null, true));
        Object[][] values = {
            {"string", Schema.STRING_SCHEMA, "hello \"world\""},
            {"string-empty", Schema.STRING_SCHEMA, ""},
            {"int8", Schema.INT8_SCHEMA, (byte) 5},
            {"int32", Schema.INT32_SCHEMA, -42},
            {"int64", Schema.INT64_SCHEMA, 9007199254740993L},
            {"float32", Schema.FLOAT32_SCHEMA, 1.5f},
            {"float64", Schema.FLOAT64_SCHEMA, 0.1},
            {"float64-big", Schema.FLOAT64_SCHEMA, 1e10},
            {"boolean", Schema.BOOLEAN_SCHEMA, false},
            {"bytes", Schema.BYTES_SCHEMA, new byte[] {1, 2, 3}},
            {"list", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build(), Arrays.asList("a", null, "b,c")},
            {"list-of-bytes", SchemaBuilder.array(Schema.BYTES_SCHEMA).build(), List.of(new byte[] {1}, new byte[] {2})},
            {"map", null, map},
            {"struct", struct, new Struct(struct).put("a", 1).put("b", "x")},
            {"decimal", Decimal.schema(2), new BigDecimal("1.56")},
            {"date", Date.SCHEMA, new java.util.Date(LocalDate.of(2024, 2, 29).toEpochDay() * DAY)},
            {"time", Time.SCHEMA, new java.util.Date(49_530_123L)},
            {"timestamp", Timestamp.SCHEMA, new java.util.Date(1_709_214_330_123L)},
            {"null", Schema.OPTIONAL_STRING_SCHEMA, null},
        };
        SimpleHeaderConverter converter = new SimpleHeaderConverter();
        converter.configure(Map.of());
        for (Object[] value : values) {
            byte[] bytes = converter.fromConnectHeader("topic", "header", (Schema) value[1], value[2]);
            ObjectNode entry = writes.addObject();
            entry.put("name", (String) value[0]);
            entry.set("input", NODES.objectNode().set("value", Describe.value(value[2])));
            entry.put("bytes", bytes == null ? null : Base64.getEncoder().encodeToString(bytes));
            entry.put("text", bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
        }
        ArrayNode reads = manifest.putArray("reads");
        String[] texts = {
            "hello", "", " ", "hello world", "true", "false", "null", "TRUE", "42", "-5", "+5", "300", "100000", "9007199254740993",
            "12345678901234567890123", "1.5", "0.1", "-2.5e3", "1e400", "1.0", "007", "2024-02-29", "13:45:30.123Z",
            "2024-02-29T13:45:30.123Z", "2024-02-30", "[1,2,3]", "[1,\"a\"]", "{\"a\":1}", "[]", "{}", "[1,", "{\"a\":}", "true}",
        };
        for (String text : texts) {
            ObjectNode entry = reads.addObject();
            entry.put("text", text);
            entry.set("readBack", describe(converter.toConnectHeader("topic", "header", text.getBytes(StandardCharsets.UTF_8))));
        }
        ObjectNode nullRead = reads.addObject();
        nullRead.putNull("text");
        nullRead.set("readBack", describe(converter.toConnectHeader("topic", "header", null)));
        return manifest;
    }

    private static ObjectNode describe(SchemaAndValue result) {
        ObjectNode node = NODES.objectNode();
        if (result == null) {
            // Values.parseString("null") returns no SchemaAndValue at all.
            node.put("resultIsNull", true);
            return node;
        }
        node.set("schema", result.schema() == null ? NODES.nullNode() : (JsonNode) SCHEMA_WRITER.asJsonSchema(result.schema()));
        node.set("value", Describe.value(result.value()));
        return node;
    }

    private static ObjectNode config(Map<String, String> config) {
        ObjectNode node = NODES.objectNode();
        config.forEach(node::put);
        return node;
    }
}
