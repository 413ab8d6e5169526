// Offsets topic goldens: the key and value bytes Kafka's OffsetStorageWriter produces (with the
// worker's internal JsonConverter) for Apache Kafka's own FileStreamSourceTask and for partition
// and offset maps of every primitive type, the partition each key lands on, and what Kafka's
// KafkaOffsetBackingStore and OffsetStorageReaderImpl make of sequences of records read back.
package polyconnect.goldenstores;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.connect.file.FileStreamSourceTask;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.GoldenAccess;
import org.apache.kafka.connect.storage.KafkaOffsetBackingStore;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.apache.kafka.connect.storage.OffsetStorageReaderImpl;
import org.apache.kafka.connect.storage.OffsetStorageWriter;
import org.apache.kafka.connect.storage.OffsetUtils;
import org.apache.kafka.connect.util.Callback;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

final class OffsetGoldens {
    static final String TOPIC = "connect-offsets";
    /** offset.storage.partitions default. */
    static final int PARTITIONS = 25;

    private OffsetGoldens() {
    }

    /** A memory offset store that also keeps every write, in order. */
    static final class CapturingStore extends MemoryOffsetBackingStore {
        final List<byte[][]> writes = new ArrayList<>();

        @Override
        public Future<Void> set(Map<ByteBuffer, ByteBuffer> values, Callback<Void> callback) {
            for (Map.Entry<ByteBuffer, ByteBuffer> entry : values.entrySet()) {
                writes.add(new byte[][] {bytes(entry.getKey()), bytes(entry.getValue())});
            }
            return super.set(values, callback);
        }

        @Override
        public Set<Map<String, Object>> connectorPartitions(String connectorName) {
            return Collections.emptySet();
        }
    }

    private record WriteCase(String name, String connector, Map<String, ?> partition, Map<String, ?> offset) {
    }

    static ObjectNode generate() throws Exception {
        ObjectNode root = Json.object();
        root.put("topic", TOPIC);
        root.put("partitions", PARTITIONS);
        List<byte[][]> all = new ArrayList<>();

        ObjectNode file = root.putObject("fileStreamSource");
        List<byte[][]> fileRecords = fileStreamSource(file);
        all.addAll(fileRecords);

        ArrayNode writes = root.putArray("writes");
        CapturingStore store = new CapturingStore();
        store.start();
        JsonConverter keyConverter = StoreConverters.internal(true);
        JsonConverter valueConverter = StoreConverters.internal(false);
        for (WriteCase c : writeCases()) {
            OffsetStorageWriter writer = new OffsetStorageWriter(store, c.connector(), keyConverter, valueConverter);
            writer.offset(c.partition(), c.offset());
            if (!writer.beginFlush()) throw new IllegalStateException("nothing to flush for " + c.name());
            writer.doFlush((error, result) -> { }).get(10, TimeUnit.SECONDS);
            ObjectNode entry = writes.addObject();
            entry.put("name", c.name());
            entry.put("connector", c.connector());
            entry.put("partitionJson", jsonText(c.partition()));
            entry.put("offsetJson", c.offset() == null ? null : jsonText(c.offset()));
            byte[][] record = store.writes.remove(store.writes.size() - 1);
            entry.setAll(recordNode(record[0], record[1]));
            all.add(record);
        }
        store.stop();

        ArrayNode reads = root.putArray("reads");
        read(reads, "file-stream-source", "Offsets FileStreamSourceTask committed, as a new worker reads them.", fileRecords);
        read(reads, "all-writes", "Every record of 'writes', read back in order.", all);
        read(reads, "tombstone-removes", "A null value removes the partition's offset.", List.of(
                rec("[\"c\",{\"filename\":\"a.txt\"}]", "{\"position\":10}"),
                rec("[\"c\",{\"filename\":\"b.txt\"}]", "{\"position\":20}"),
                rec("[\"c\",{\"filename\":\"a.txt\"}]", null),
                rec("[\"c\",{\"filename\":\"b.txt\"}]", "{\"position\":30}")));
        read(reads, "malformed", "Keys and values Kafka cannot use are skipped (keys by OffsetUtils.processPartitionKey, values by the reader).", List.of(
                rec("[\"good\",{\"p\":1}]", "{\"o\":1}"),
                rec("not json", "{\"o\":2}"),
                rec("{\"a\":1}", "{\"o\":3}"),
                rec("[\"three\",{\"p\":1},3]", "{\"o\":4}"),
                rec("[5,{\"p\":1}]", "{\"o\":5}"),
                rec("[\"nullpartition\",null]", "{\"o\":6}"),
                rec("[\"stringpartition\",\"x\"]", "{\"o\":7}"),
                new byte[][] {null, "{\"o\":8}".getBytes(StandardCharsets.UTF_8)},
                rec("[\"badvalue\",{\"p\":1}]", "{\"o\":"),
                rec("[\"listvalue\",{\"p\":1}]", "[1,2]"),
                rec("[\"nestedvalue\",{\"p\":1}]", "{\"o\":{\"deep\":1}}"),
                rec("[\"scalarvalue\",{\"p\":1}]", "42"),
                rec("[\"nestedpartition\",{\"p\":{\"deep\":1}}]", "{\"o\":9}")));
        read(reads, "key-forms", "Keys Kafka did not write itself: Kafka finds partitions by decoding keys, then offsets by re-encoding them.", List.of(
                rec("[ \"spaced\" , { \"p\" : 1 } ]", "{\"o\":1}"),
                rec("[\"order\",{\"b\":1,\"a\":2}]", "{\"o\":2}"),
                rec("[\"double\",{\"p\":1.0}]", "{\"o\":3.0}"),
                rec("[\"bigint\",{\"p\":123456789012345678901234567890}]", "{\"o\":4}")));
        return root;
    }

    private static List<WriteCase> writeCases() {
        List<WriteCase> cases = new ArrayList<>();
        cases.add(new WriteCase("jdbc-like", "jdbc-source",
                ordered("protocol", "1", "table", "db.public.orders"), ordered("incrementing", 42L)));
        cases.add(new WriteCase("int-and-long", "numbers",
                ordered("shard", 3), ordered("big", 9007199254740993L, "small", 7, "negative", -1L, "min", Long.MIN_VALUE, "max", Long.MAX_VALUE)));
        cases.add(new WriteCase("byte-short", "numbers", ordered("b", (byte) -5, "s", (short) 300), ordered("o", 1L)));
        cases.add(new WriteCase("double", "numbers", ordered("p", "x"), ordered("ratio", 1.5, "tiny", 1.0E-7, "huge", 1.0E22, "neg", -0.25)));
        cases.add(new WriteCase("double-integral", "numbers", ordered("p", "y"), ordered("ratio", 1.0)));
        cases.add(new WriteCase("float", "numbers", ordered("p", "z"), ordered("f", 0.1f)));
        cases.add(new WriteCase("boolean-and-null", "misc", ordered("p", true), ordered("done", true, "cursor", null, "open", false)));
        cases.add(new WriteCase("bytes", "misc", ordered("p", "bytes"), ordered("raw", new byte[] {1, 2, 3, (byte) 0xff})));
        cases.add(new WriteCase("unicode", "conn \"quoted\" \u2713 \\ \n",
                ordered("file", "/tmp/\u00fcn\u00efc\u00f8d\u00e9 \uD83D\uDE00.txt", "ctl", "\u0001\u001f\u007f\u2028"), ordered("position", 0L)));
        cases.add(new WriteCase("empty-maps", "misc", ordered(), ordered()));
        cases.add(new WriteCase("multi-key-order", "misc", ordered("z", 1L, "a", 2L, "m", 3L), ordered("o", "v")));
        cases.add(new WriteCase("tombstone", "local-file-source", ordered("filename", "input.txt"), null));
        return cases;
    }

    /** Runs Apache Kafka's FileStreamSourceTask on ./input.txt, committing each record's offset as the worker does. */
    private static List<byte[][]> fileStreamSource(ObjectNode out) throws Exception {
        Path input = Path.of("input.txt");
        Files.writeString(input, "line one\nline two\n", StandardCharsets.UTF_8);
        CapturingStore store = new CapturingStore();
        store.start();
        JsonConverter keyConverter = StoreConverters.internal(true);
        JsonConverter valueConverter = StoreConverters.internal(false);
        String connector = "local-file-source";
        Map<String, String> props = Map.of("file", "input.txt", "topic", "connect-test", "batch.size", "2000");

        List<SourceRecord> first = runTask(store, connector, props, keyConverter, valueConverter, true);
        out.put("connector", connector);
        out.set("taskConfig", Json.describe(props));
        out.set("firstRun", describeRecords(first));
        List<byte[][]> records = new ArrayList<>(store.writes);

        Files.writeString(input, "line three\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<SourceRecord> second = runTask(store, connector, props, keyConverter, valueConverter, false);
        out.set("resumedRun", describeRecords(second));
        ArrayNode written = out.putArray("records");
        for (byte[][] record : records) written.add(recordNode(record[0], record[1]));
        store.stop();
        return records;
    }

    private static List<SourceRecord> runTask(CapturingStore store, String connector, Map<String, String> props,
            JsonConverter keyConverter, JsonConverter valueConverter, boolean commitEach) throws Exception {
        OffsetStorageReaderImpl reader = new OffsetStorageReaderImpl(store, connector, keyConverter, valueConverter);
        FileStreamSourceTask task = new FileStreamSourceTask();
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return props;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return reader;
            }

            @Override
            public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
                return null;
            }
        });
        task.start(props);
        List<SourceRecord> polled = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && polled.isEmpty(); attempt++) {
            List<SourceRecord> batch = task.poll();
            if (batch != null) polled.addAll(batch);
        }
        if (commitEach) {
            OffsetStorageWriter writer = new OffsetStorageWriter(store, connector, keyConverter, valueConverter);
            for (SourceRecord record : polled) {
                writer.offset(record.sourcePartition(), record.sourceOffset());
                writer.beginFlush();
                writer.doFlush((error, result) -> { }).get(10, TimeUnit.SECONDS);
            }
        }
        task.stop();
        return polled;
    }

    private static ArrayNode describeRecords(List<SourceRecord> records) {
        ArrayNode out = Json.array();
        for (SourceRecord record : records) {
            ObjectNode node = out.addObject();
            node.set("sourcePartition", Json.describe(record.sourcePartition()));
            node.set("sourceOffset", Json.describe(record.sourceOffset()));
            node.put("value", String.valueOf(record.value()));
        }
        return out;
    }

    /**
     * Feeds records to a real KafkaOffsetBackingStore and reads every partition it lists back as
     * OffsetStorageReaderImpl.offsets does (validate the partition, re-encode it as the key, look up,
     * decode and validate the value); "!Exception" marks a partition the reader cannot answer for.
     */
    @SuppressWarnings("unchecked")
    private static void read(ArrayNode reads, String name, String description, List<byte[][]> records) throws Exception {
        JsonConverter keyConverter = StoreConverters.internal(true);
        JsonConverter valueConverter = StoreConverters.internal(false);
        KafkaOffsetBackingStore store = new KafkaOffsetBackingStore(() -> null, () -> "connect-cluster-", keyConverter);
        Callback<ConsumerRecord<byte[], byte[]>> callback = GoldenAccess.offsetCallback(store);
        long offset = 0;
        ObjectNode node = reads.addObject();
        node.put("name", name);
        node.put("description", description);
        ArrayNode recordNodes = node.putArray("records");
        for (byte[][] record : records) {
            recordNodes.add(recordNode(record[0], record[1]));
            callback.onCompletion(null, new ConsumerRecord<>(TOPIC, 0, offset++, record[0], record[1]));
        }
        Field field = KafkaOffsetBackingStore.class.getDeclaredField("connectorPartitions");
        field.setAccessible(true);
        Map<String, Set<Map<String, Object>>> connectorPartitions = (Map<String, Set<Map<String, Object>>>) field.get(store);
        Map<ByteBuffer, ByteBuffer> data = GoldenAccess.offsetData(store);
        ObjectNode connectors = node.putObject("connectors");
        for (String connector : new TreeMap<>(connectorPartitions).keySet()) {
            TreeMap<String, String> byPartition = new TreeMap<>();
            for (Map<String, Object> partition : new HashSet<>(connectorPartitions.get(connector))) {
                String offsetText = null;
                try {
                    OffsetUtils.validateFormat(partition);
                    byte[] key = keyConverter.fromConnectData(connector, null, Arrays.asList(connector, partition));
                    ByteBuffer value = data.get(ByteBuffer.wrap(key));
                    Object decoded = valueConverter.toConnectData(connector, value == null ? null : bytes(value)).value();
                    OffsetUtils.validateFormat(decoded);
                    offsetText = decoded == null ? null : Json.describeText(decoded);
                } catch (Throwable t) {
                    offsetText = "!" + t.getClass().getSimpleName();
                }
                byPartition.put(Json.describeText(partition), offsetText);
            }
            ArrayNode list = connectors.putArray(connector);
            for (Map.Entry<String, String> entry : byPartition.entrySet()) {
                ObjectNode item = list.addObject();
                item.put("partition", entry.getKey());
                item.put("offset", entry.getValue());
            }
        }
    }

    static ObjectNode recordNode(byte[] key, byte[] value) {
        ObjectNode node = Json.object();
        node.set("key", Json.base64(key));
        node.set("keyText", Json.text(key));
        node.set("value", Json.base64(value));
        node.set("valueText", Json.text(value));
        if (key != null) node.put("partition", BuiltInPartitioner.partitionForKey(key, PARTITIONS));
        return node;
    }

    private static byte[][] rec(String key, String value) {
        return new byte[][] {key.getBytes(StandardCharsets.UTF_8), value == null ? null : value.getBytes(StandardCharsets.UTF_8)};
    }

    private static String jsonText(Map<String, ?> map) {
        byte[] bytes = StoreConverters.internal(false).fromConnectData("", null, map);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) return null;
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
