// Which partition Kafka's producer picks for a keyed record (BuiltInPartitioner.partitionForKey:
// murmur2 of the serialized key, made positive, modulo the partition count), for internal-topic
// keys and arbitrary bytes, over a range of partition counts.
package polyconnect.goldenstores;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

final class PartitionGoldens {
    static final int[] COUNTS = {1, 2, 3, 4, 5, 7, 8, 10, 16, 25, 50, 100, 1000};

    private PartitionGoldens() {
    }

    static ObjectNode generate() {
        List<byte[]> keys = new ArrayList<>();
        for (String key : new String[] {
                "", "a", "ab", "abc", "abcd", "abcde",
                "connector-local-file-source", "task-local-file-source-0", "commit-local-file-source",
                "target-state-local-file-source", "status-connector-local-file-source",
                "status-task-local-file-source-0", "status-task-my-conn-2-12", "status-topic-connect-test:connector-local-file-source",
                "[\"local-file-source\",{\"filename\":\"input.txt\"}]",
                "[\"local-file-source\",{\"filename\":\"/tmp/test.txt\"}]",
                "[\"jdbc-source\",{\"protocol\":\"1\",\"table\":\"db.public.orders\"}]",
                "[\"conn \\\"quoted\\\" \u2713\",{\"file\":\"\u00fcn\u00efc\u00f8d\u00e9 \\uD83D\\uDE00\"}]",
        }) {
            keys.add(key.getBytes(StandardCharsets.UTF_8));
        }
        Random random = new Random(20260101L);
        for (int length = 0; length <= 40; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            keys.add(bytes);
        }
        ObjectNode root = Json.object();
        ArrayNode counts = root.putArray("partitionCounts");
        for (int count : COUNTS) counts.add(count);
        ArrayNode cases = root.putArray("keys");
        for (byte[] key : keys) {
            ObjectNode node = cases.addObject();
            node.set("key", Json.base64(key));
            node.set("keyText", Json.text(key));
            node.put("murmur2", Utils.murmur2(key));
            ArrayNode partitions = node.putArray("partitions");
            for (int count : COUNTS) partitions.add(BuiltInPartitioner.partitionForKey(key, count));
        }
        return root;
    }
}
