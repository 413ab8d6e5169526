// Entry point of the golden-file generator: runs Kafka's own converters (connect-json,
// connect-api, connect-runtime at the version in pom.xml) and writes what they produce under the
// directory given as the first argument (the repository's test/golden). See
// test/golden/json-converter/README.md.
package polyconnect.golden;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.common.utils.AppInfoParser;

import java.nio.file.Files;
import java.nio.file.Path;

public final class GenerateGoldens {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GenerateGoldens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GenerateGoldens <test/golden directory>");
        }
        Path root = Path.of(args[0]);
        Path json = root.resolve("json-converter");
        ObjectNode manifest = header("tools/golden/src/main/java/polyconnect/golden/JsonGoldens.java",
                "org.apache.kafka.connect.json.JsonConverter");
        JsonGoldens.generate(json, manifest);
        write(json.resolve("manifest.json"), manifest);
        ObjectNode numbers = header("tools/golden/src/main/java/polyconnect/golden/JsonGoldens.java", "java.lang.Double / java.lang.Float");
        numbers.set("values", JsonGoldens.numberTable());
        write(json.resolve("java-numbers.json"), numbers);

        Path others = root.resolve("converters");
        Files.createDirectories(others);
        write(others.resolve("string-converter.json"), withHeader("org.apache.kafka.connect.storage.StringConverter", OtherGoldens.stringConverter()));
        write(others.resolve("byte-array-converter.json"), withHeader("org.apache.kafka.connect.converters.ByteArrayConverter", OtherGoldens.byteArrayConverter()));
        write(others.resolve("simple-header-converter.json"), withHeader("org.apache.kafka.connect.storage.SimpleHeaderConverter", OtherGoldens.simpleHeaderConverter()));
    }

    private static ObjectNode withHeader(String className, ObjectNode body) {
        ObjectNode node = header("tools/golden/src/main/java/polyconnect/golden/OtherGoldens.java", className);
        node.setAll(body);
        return node;
    }

    private static ObjectNode header(String generator, String className) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("converter", className);
        node.put("generator", generator);
        node.put("kafkaVersion", AppInfoParser.getVersion());
        node.put("jacksonVersion", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        node.put("javaVersion", System.getProperty("java.version"));
        node.put("javaVendor", System.getProperty("java.vendor"));
        node.put("timeZone", java.util.TimeZone.getDefault().getID());
        return node;
    }

    private static void write(Path path, ObjectNode node) throws Exception {
        // Bytes, not a String: Jackson's UTF-8 writer escapes lone surrogates instead of losing them.
        byte[] json = MAPPER.writeValueAsBytes(node);
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        Files.write(path, withNewline);
    }
}
