// Entry point of the internal-topic golden generator: runs Kafka Connect's own backing stores
// (connect-runtime at the version in pom.xml) and writes what they produce, and what they read,
// under the directory given as the first argument (the repository's test/golden/stores). See
// test/golden/stores/README.md.
package polyconnect.goldenstores;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.common.utils.AppInfoParser;

import java.nio.file.Files;
import java.nio.file.Path;

public final class GenerateStoreGoldens {
    private GenerateStoreGoldens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("usage: GenerateStoreGoldens <test/golden/stores directory>");
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        write(out.resolve("config-topic.json"), "ConfigGoldens.java", "org.apache.kafka.connect.storage.KafkaConfigBackingStore", ConfigGoldens.generate());
        write(out.resolve("offsets-topic.json"), "OffsetGoldens.java",
                "org.apache.kafka.connect.storage.OffsetStorageWriter, KafkaOffsetBackingStore, OffsetStorageReaderImpl; org.apache.kafka.connect.file.FileStreamSourceTask",
                OffsetGoldens.generate());
        write(out.resolve("status-topic.json"), "StatusGoldens.java", "org.apache.kafka.connect.storage.KafkaStatusBackingStore", StatusGoldens.generate());
        write(out.resolve("partitions.json"), "PartitionGoldens.java", "org.apache.kafka.clients.producer.internals.BuiltInPartitioner", PartitionGoldens.generate());
    }

    private static void write(Path path, String generator, String classes, ObjectNode body) throws Exception {
        ObjectNode node = Json.object();
        node.put("classes", classes);
        node.put("generator", "tools/golden-stores/src/main/java/polyconnect/goldenstores/" + generator);
        node.put("kafkaVersion", AppInfoParser.getVersion());
        node.put("javaVersion", System.getProperty("java.version"));
        node.put("javaVendor", System.getProperty("java.vendor"));
        node.setAll(body);
        Json.write(path, node);
    }
}
