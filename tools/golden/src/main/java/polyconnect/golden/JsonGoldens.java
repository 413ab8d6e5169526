// Golden cases for org.apache.kafka.connect.json.JsonConverter: every case is run through Kafka's
// own converter, and the exact bytes it writes (or, for "read" cases, the bytes we hand it) go to
// <name>.json; manifest.json records, per case, the converter settings, Kafka's description of the
// input, and what Kafka's toConnectData gives back for those bytes. Error cases record the
// exception class and message Kafka throws. The TypeScript tests in test/unit/converters rebuild
// the same inputs and must reproduce all of it.
package polyconnect.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class JsonGoldens {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonGoldens() {
    }

    static void generate(Path dir, ObjectNode manifest) throws Exception {
        Files.createDirectories(dir);
        ArrayNode written = manifest.putArray("cases");
        for (JsonWriteCases.WriteCase c : JsonWriteCases.writeCases()) {
            for (String variant : c.variants()) {
                Map<String, String> config = JsonWriteCases.VARIANTS.get(variant);
                String name = c.name() + "." + variant;
                JsonConverter converter = converter(config, c.isKey());
                byte[] bytes = converter.fromConnectData("topic", c.schema(), c.value());
                ObjectNode entry = written.addObject();
                entry.put("name", name);
                entry.put("kind", "write");
                entry.set("config", configNode(config));
                entry.put("isKey", c.isKey());
                entry.put("file", bytes == null ? null : name + ".json");
                ObjectNode input = entry.putObject("input");
                input.set("schema", schemaNode(converter, c.schema()));
                input.set("value", Describe.value(c.value()));
                if (bytes != null) {
                    Files.write(dir.resolve(name + ".json"), bytes);
                }
                entry.set("readBack", readBack(converter, bytes, c.schema(), c.value()));
            }
        }
        for (JsonReadCases.ReadCase c : JsonReadCases.readCases()) {
            JsonConverter converter = converter(c.config(), false);
            ObjectNode entry = written.addObject();
            entry.put("name", c.name());
            entry.put("kind", "read");
            entry.set("config", configNode(c.config()));
            entry.put("isKey", false);
            entry.put("file", c.name() + ".json");
            Files.write(dir.resolve(c.name() + ".json"), c.bytes());
            entry.set("readBack", readBack(converter, c.bytes(), null, null));
        }
        ArrayNode errors = manifest.putArray("errors");
        for (JsonReadCases.ReadCase c : JsonReadCases.readErrorCases()) {
            ObjectNode entry = errors.addObject();
            entry.put("name", c.name());
            entry.put("direction", "toConnectData");
            entry.set("config", configNode(c.config()));
            entry.put("file", c.name() + ".json");
            Files.write(dir.resolve(c.name() + ".json"), c.bytes());
            recordFailure(entry, () -> converter(c.config(), false).toConnectData("topic", c.bytes()));
        }
        for (Map.Entry<String, Object[]> c : JsonReadCases.writeErrorCases().entrySet()) {
            Schema schema = (Schema) c.getValue()[0];
            Object value = c.getValue()[1];
            @SuppressWarnings("unchecked")
            Map<String, String> config = (Map<String, String>) c.getValue()[2];
            ObjectNode entry = errors.addObject();
            entry.put("name", c.getKey());
            entry.put("direction", "fromConnectData");
            entry.set("config", configNode(config));
            recordFailure(entry, () -> converter(config, false).fromConnectData("topic", schema, value));
        }
        for (Map.Entry<String, Map<String, String>> c : JsonReadCases.configErrorCases().entrySet()) {
            ObjectNode entry = errors.addObject();
            entry.put("name", c.getKey());
            entry.put("direction", "configure");
            entry.set("config", configNode(c.getValue()));
            Map<String, String> config = c.getValue();
            recordFailure(entry, () -> {
                JsonConverter converter = new JsonConverter();
                if (config.containsKey("converter.type")) {
                    converter.configure(config);
                } else {
                    converter.configure(config, false);
                }
                return null;
            });
        }
        ObjectNode headerMissingType = errors.addObject();
        headerMissingType.put("name", "error-config-header-without-converter-type");
        headerMissingType.put("direction", "configure");
        headerMissingType.set("config", NODES.objectNode());
        recordFailure(headerMissingType, () -> {
            new JsonConverter().configure(new HashMap<String, Object>());
            return null;
        });
    }

    /** Double.toString and Float.toString of interesting and random values, keyed by their bits. */
    static ArrayNode numberTable() {
        ArrayNode table = NODES.arrayNode();
        List<Double> doubles = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100.0, 1234.5,
                9999999.0, 1e7, 1e7 + 0.5, 0.001, 0.0009999, 1e-3, 1e-4, 123456789.0, 9007199254740991.0, 9007199254740992.0,
                9.223372036854776E18, 1e21, 1e22, 1e23, 2e23, 8.41e21, 5e-324, 2.2250738585072014E-308, Double.MAX_VALUE,
                Math.PI, Math.E, 299792.458, 6.02214076e23, 1.602176634e-19, 0.30000000000000004, 4.35, 2.675, 1.005));
        for (int exponent = -12; exponent <= 24; exponent++) {
            doubles.add(Math.pow(10, exponent));
            doubles.add(1.5 * Math.pow(10, exponent));
        }
        java.util.Random random = new java.util.Random(20240229L);
        for (int i = 0; i < 300; i++) {
            doubles.add(Math.round(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(9)));
        }
        for (int i = 0; i < 200; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(d)) {
                doubles.add(d);
            }
        }
        for (double d : doubles) {
            // Rows are [type, IEEE-754 bits in hex, Java's text].
            table.addArray().add("double").add(String.format("%016x", Double.doubleToRawLongBits(d))).add(Double.toString(d));
            float f = (float) d;
            if (!Float.isNaN(f)) {
                table.addArray().add("float").add(String.format("%08x", Float.floatToRawIntBits(f))).add(Float.toString(f));
            }
        }
        return table;
    }

    static JsonConverter converter(Map<String, String> config, boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(config, isKey);
        return converter;
    }

    private static ObjectNode readBack(JsonConverter converter, byte[] bytes, Schema inputSchema, Object inputValue) {
        ObjectNode node = NODES.objectNode();
        try {
            SchemaAndValue result = converter.toConnectData("topic", bytes);
            node.set("schema", schemaNode(converter, result.schema()));
            node.set("value", Describe.value(result.value()));
            boolean sameSchema = result.schema() == null ? inputSchema == null : result.schema().equals(inputSchema);
            node.put("equalsInput", sameSchema && java.util.Objects.deepEquals(result.value(), inputValue));
        } catch (RuntimeException e) {
            node.put("exception", e.getClass().getName());
            node.put("message", e.getMessage());
        }
        return node;
    }

    private static JsonNode schemaNode(JsonConverter converter, Schema schema) {
        return schema == null ? NODES.nullNode() : converter.asJsonSchema(schema);
    }

    private static ObjectNode configNode(Map<String, String> config) {
        ObjectNode node = NODES.objectNode();
        config.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> node.put(e.getKey(), e.getValue()));
        return node;
    }

    interface Action {
        Object run() throws Exception;
    }

    static void recordFailure(ObjectNode entry, Action action) {
        try {
            action.run();
            throw new IllegalStateException("Expected " + entry.get("name").asText() + " to fail");
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            entry.put("exception", e.getClass().getName());
            entry.put("message", e.getMessage());
        }
    }
}
