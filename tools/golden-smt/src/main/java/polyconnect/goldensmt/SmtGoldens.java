// Runs Kafka's own SMTs and predicates on the hand-written cases of test/golden/transforms/cases.json
// and writes what they produce to results.json beside it: for each case, the configure() outcome,
// the errors Kafka's validate would show for the plugin's keys embedded under an alias prefix, and
// for each record the transformed record (or null, or the exception) or the predicate's answer.
//
// Records are given as JsonConverter envelopes ({"schema": …, "payload": …}) and read with Kafka's
// JsonConverter (schemas.enable=true, replace.null.with.default=false so that nulls stay null), so
// the TypeScript side can build the same inputs with its own JsonConverter. Outputs are described
// by Describe; schemas in JsonConverter's schema JSON.
package polyconnect.goldensmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

public final class SmtGoldens {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SmtGoldens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SmtGoldens <test/golden/transforms directory>");
        }
        Path dir = Path.of(args[0]);
        JsonNode cases = MAPPER.readTree(dir.resolve("cases.json").toFile());
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true", "replace.null.with.default", "false"), false);

        ObjectNode out = NODES.objectNode();
        out.put("generator", "tools/golden-smt/src/main/java/polyconnect/goldensmt/SmtGoldens.java");
        out.put("kafkaVersion", AppInfoParser.getVersion());
        out.put("javaVersion", System.getProperty("java.version"));
        out.put("timeZone", java.util.TimeZone.getDefault().getID());
        ArrayNode results = out.putArray("results");
        for (JsonNode testCase : cases.get("cases")) {
            results.add(run(converter, testCase));
        }
        byte[] json = MAPPER.writeValueAsBytes(out);
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        Files.write(dir.resolve("results.json"), withNewline);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ObjectNode run(JsonConverter converter, JsonNode testCase) throws Exception {
        ObjectNode result = NODES.objectNode();
        result.put("name", testCase.get("name").asText());
        String className = testCase.get("class").asText();
        Map<String, String> config = new LinkedHashMap<>();
        testCase.path("config").fields().forEachRemaining(entry -> config.put(entry.getKey(), entry.getValue().asText()));

        Object plugin = Class.forName(className).getDeclaredConstructor().newInstance();
        ConfigDef configDef = plugin instanceof Transformation t ? t.config() : ((Predicate<?>) plugin).config();
        result.set("validate", validate(configDef, config, plugin instanceof Transformation ? "transforms.a." : "predicates.p."));
        try {
            if (plugin instanceof Transformation t) {
                t.configure(config);
            } else {
                ((Predicate<?>) plugin).configure(config);
            }
        } catch (Exception e) {
            result.set("configure", error(e));
            return result;
        }
        result.putNull("configure");
        ArrayNode outputs = result.putArray("outputs");
        for (JsonNode record : testCase.path("records")) {
            SinkRecord input = record(converter, record);
            try {
                if (plugin instanceof Transformation t) {
                    ConnectRecord<?> transformed = (ConnectRecord<?>) t.apply(input);
                    outputs.add(transformed == null ? NODES.objectNode().put("dropped", true) : describe(converter, transformed));
                } else {
                    boolean test = ((Predicate) plugin).test(input);
                    outputs.add(NODES.objectNode().put("test", test));
                }
            } catch (Exception e) {
                outputs.addObject().set("error", error(e));
            }
        }
        return result;
    }

    /** Kafka's validate of the plugin's keys as the connector validate embeds them, under "transforms.a." or "predicates.p.". */
    private static ArrayNode validate(ConfigDef configDef, Map<String, String> config, String prefix) {
        ConfigDef embedded = new ConfigDef();
        embedded.embed(prefix, "alias", 0, configDef);
        Map<String, String> prefixed = new LinkedHashMap<>();
        config.forEach((key, value) -> prefixed.put(prefix + key, value));
        ArrayNode problems = NODES.arrayNode();
        for (ConfigValue value : embedded.validate(prefixed)) {
            for (String message : value.errorMessages()) {
                problems.add(NODES.objectNode().put("key", value.name()).put("message", message));
            }
        }
        return problems;
    }

    private static SinkRecord record(JsonConverter converter, JsonNode record) throws Exception {
        SchemaAndValue key = envelope(converter, record.get("key"));
        SchemaAndValue value = envelope(converter, record.get("value"));
        ConnectHeaders headers = new ConnectHeaders();
        for (JsonNode header : record.path("headers")) {
            headers.add(header.get("key").asText(), envelope(converter, header));
        }
        Long timestamp = record.hasNonNull("timestamp") ? record.get("timestamp").asLong() : null;
        return new SinkRecord(record.path("topic").asText("topic"), record.path("partition").asInt(0),
                key.schema(), key.value(), value.schema(), value.value(), 7L, timestamp, TimestampType.CREATE_TIME, headers);
    }

    private static SchemaAndValue envelope(JsonConverter converter, JsonNode node) throws Exception {
        if (node == null || node.isNull() || !node.has("payload")) {
            return SchemaAndValue.NULL;
        }
        ObjectNode envelope = NODES.objectNode();
        envelope.set("schema", node.get("schema"));
        envelope.set("payload", node.get("payload"));
        return converter.toConnectData("topic", MAPPER.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode describe(JsonConverter converter, ConnectRecord<?> record) {
        ObjectNode node = NODES.objectNode();
        node.put("topic", record.topic());
        node.set("keySchema", converter.asJsonSchema(record.keySchema()));
        node.set("key", Describe.value(record.key()));
        node.set("valueSchema", converter.asJsonSchema(record.valueSchema()));
        node.set("value", Describe.value(record.value()));
        ArrayNode headers = node.putArray("headers");
        for (Iterator<Header> it = record.headers().iterator(); it.hasNext(); ) {
            Header header = it.next();
            ObjectNode described = headers.addObject();
            described.put("key", header.key());
            described.set("schema", converter.asJsonSchema(header.schema()));
            described.set("value", Describe.value(header.value()));
        }
        return node;
    }

    private static ObjectNode error(Exception e) {
        return NODES.objectNode().put("exception", e.getClass().getName()).put("message", e.getMessage());
    }
}
