// Entry point of the SMT golden-file generator: for every case of <dir>/cases.json, configures
// Kafka's own transform class with the case's config and applies it to the case's record, then
// writes to <dir>/results.json what Kafka returned (record in JsonConverter's schema form and
// CaseValues' value descriptions) or threw (exception class and message), plus every class's
// ConfigDef. See test/golden/transforms-b/README.md.
package polyconnect.goldensmtb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

public final class GenerateSmtGoldens {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonConverter SCHEMAS = new JsonConverter();

    private GenerateSmtGoldens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GenerateSmtGoldens <test/golden/transforms-b directory>");
        }
        SCHEMAS.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
        Path dir = Path.of(args[0]);
        JsonNode cases = MAPPER.readTree(dir.resolve("cases.json").toFile()).get("cases");

        ObjectNode out = NODES.objectNode();
        out.put("generator", "tools/golden-smt-b/src/main/java/polyconnect/goldensmtb/GenerateSmtGoldens.java");
        out.put("kafkaVersion", AppInfoParser.getVersion());
        out.put("javaVersion", System.getProperty("java.version"));
        out.put("javaVendor", System.getProperty("java.vendor"));
        out.put("timeZone", java.util.TimeZone.getDefault().getID());
        ObjectNode results = NODES.objectNode();
        Map<String, JsonNode> configDefs = new TreeMap<>();
        for (JsonNode testCase : cases) {
            String className = testCase.get("class").asText();
            results.set(testCase.get("name").asText(), run(className, testCase));
            configDefs.computeIfAbsent(className, GenerateSmtGoldens::describeConfigDef);
        }
        ObjectNode defs = out.putObject("configDefs");
        configDefs.forEach(defs::set);
        out.set("results", results);
        byte[] json = MAPPER.writeValueAsBytes(out);
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        Files.write(dir.resolve("results.json"), withNewline);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonNode run(String className, JsonNode testCase) throws Exception {
        Transformation transformation = (Transformation) Class.forName(className).getDeclaredConstructor().newInstance();
        Map<String, String> config = new LinkedHashMap<>();
        testCase.get("config").fields().forEachRemaining(entry -> config.put(entry.getKey(), entry.getValue().asText()));
        ObjectNode result = NODES.objectNode();
        try {
            transformation.configure(config);
        } catch (Exception e) {
            result.set("configError", error(e));
            return result;
        }
        JsonNode input = testCase.get("record");
        if (input == null) {
            result.put("configured", true);
            return result;
        }
        ConnectRecord inputRecord = record(input);
        try {
            ConnectRecord output = transformation.apply(inputRecord);
            result.set("record", output == null ? NODES.nullNode() : describeRecord(output));
        } catch (Exception e) {
            result.set("error", error(e));
        }
        return result;
    }

    private static ObjectNode error(Exception e) {
        ObjectNode node = NODES.objectNode();
        node.put("exception", e.getClass().getSimpleName());
        node.put("message", e.getMessage());
        return node;
    }

    private static Schema schema(JsonNode json) {
        return json == null || json.isNull() ? null : SCHEMAS.asConnectSchema(json);
    }

    private static ConnectRecord<?> record(JsonNode json) {
        Schema keySchema = schema(json.get("keySchema"));
        Schema valueSchema = schema(json.get("valueSchema"));
        Object key = CaseValues.build(json.get("key"), keySchema);
        Object value = CaseValues.build(json.get("value"), valueSchema);
        String topic = json.get("topic").asText();
        JsonNode partitionNode = json.get("partition");
        Integer partition = partitionNode == null || partitionNode.isNull() ? null : partitionNode.asInt();
        JsonNode timestampNode = json.get("timestamp");
        Long timestamp = timestampNode == null || timestampNode.isNull() ? null : timestampNode.asLong();
        ConnectHeaders headers = new ConnectHeaders();
        JsonNode headerList = json.get("headers");
        if (headerList != null) {
            for (JsonNode header : headerList) {
                Schema headerSchema = schema(header.get("schema"));
                headers.add(header.get("key").asText(), CaseValues.build(header.get("value"), headerSchema), headerSchema);
            }
        }
        if ("sink".equals(json.get("kind").asText())) {
            return new SinkRecord(topic, partition, keySchema, key, valueSchema, value, json.get("offset").asLong(), timestamp,
                    TimestampType.CREATE_TIME, headers);
        }
        return new SourceRecord(null, null, topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
    }

    private static ObjectNode describeRecord(ConnectRecord<?> record) {
        ObjectNode node = NODES.objectNode();
        node.put("topic", record.topic());
        if (record.kafkaPartition() == null) {
            node.putNull("kafkaPartition");
        } else {
            node.put("kafkaPartition", record.kafkaPartition());
        }
        if (record.timestamp() == null) {
            node.putNull("timestamp");
        } else {
            node.put("timestamp", record.timestamp());
        }
        node.set("keySchema", schemaJson(record.keySchema()));
        node.set("key", CaseValues.describe(record.key()));
        node.set("valueSchema", schemaJson(record.valueSchema()));
        node.set("value", CaseValues.describe(record.value()));
        ArrayNode headers = node.putArray("headers");
        for (Header header : record.headers()) {
            ObjectNode h = headers.addObject();
            h.put("key", header.key());
            h.set("schema", schemaJson(header.schema()));
            h.set("value", CaseValues.describe(header.value()));
        }
        return node;
    }

    private static JsonNode schemaJson(Schema schema) {
        return schema == null ? NODES.nullNode() : SCHEMAS.asJsonSchema(schema);
    }

    private static JsonNode describeConfigDef(String className) {
        try {
            Transformation<?> transformation = (Transformation<?>) Class.forName(className).getDeclaredConstructor().newInstance();
            ArrayNode keys = NODES.arrayNode();
            for (ConfigDef.ConfigKey key : transformation.config().configKeys().values()) {
                ObjectNode node = keys.addObject();
                node.put("name", key.name);
                node.put("type", key.type.name());
                node.put("required", !key.hasDefault());
                if (key.hasDefault() && key.defaultValue != null) {
                    node.put("default", ConfigDef.convertToString(key.defaultValue, key.type));
                } else {
                    node.putNull("default");
                }
                node.put("importance", key.importance.name());
                node.put("documentation", key.documentation);
                if (key.validator == null) {
                    node.putNull("validator");
                } else {
                    node.put("validator", key.validator.toString());
                }
            }
            return keys;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
